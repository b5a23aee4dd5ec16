package campus.certification.model;

import campus.i18n.Text;

/**
 * Feedback by outcome, shown after the answer-specific feedback: to a fully right, a partly right and
 * a wrong response (Moodle's "combined feedback"). Empty texts show nothing.
 */
public record OutcomeFeedback(Text correct, Text partial, Text incorrect) {

    public static final OutcomeFeedback NONE = new OutcomeFeedback(AnswerKey.NONE, AnswerKey.NONE, AnswerKey.NONE);

    public OutcomeFeedback {
        correct = correct == null ? AnswerKey.NONE : correct;
        partial = partial == null ? AnswerKey.NONE : partial;
        incorrect = incorrect == null ? AnswerKey.NONE : incorrect;
    }

    public boolean isEmpty() {
        return blank(correct) && blank(partial) && blank(incorrect);
    }

    static boolean blank(Text t) {
        return !t.has(campus.i18n.Lang.EN) && !t.has(campus.i18n.Lang.ZH);
    }
}
