package campus.certification.model;

import campus.certification.sql.SqlQuestionSpec;
import campus.i18n.Text;
import java.util.List;
import java.util.Objects;

/** What a right answer is, per question type. */
public sealed interface AnswerKey {

    QuestionType type();

    /** An answer option of a choice question. {@code weight} is used only by {@link Scoring#WEIGHTED}. */
    record Option(String id, Text text, boolean correct, double weight) {
        public Option {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Single choice (exactly one option correct) or multiple choice (one or more correct). */
    record ChoiceKey(List<Option> options, boolean multiple, Scoring scoring, boolean shuffle) implements AnswerKey {
        public ChoiceKey {
            options = List.copyOf(options);
            Objects.requireNonNull(scoring, "scoring");
        }

        @Override
        public QuestionType type() {
            return multiple ? QuestionType.MULTIPLE : QuestionType.SINGLE;
        }
    }

    record TrueFalseKey(boolean answer) implements AnswerKey {
        @Override
        public QuestionType type() {
            return QuestionType.TRUE_FALSE;
        }
    }

    /**
     * One accepted fill-in answer: a text (compared after normalising), a number with a tolerance,
     * or a closed numeric range. {@code credit} is the fraction of the points it earns (1 = full).
     */
    sealed interface Accepted {
        double credit();

        record TextAnswer(String text, double credit) implements Accepted {
        }

        record NumberAnswer(double value, double tolerance, double credit) implements Accepted {
        }

        record RangeAnswer(double min, double max, double credit) implements Accepted {
        }
    }

    record FillInKey(List<Accepted> accepted, boolean caseSensitive) implements AnswerKey {
        public FillInKey {
            accepted = List.copyOf(accepted);
        }

        @Override
        public QuestionType type() {
            return QuestionType.FILL_IN;
        }
    }

    /** A left item and the right item that belongs to it; the pair's id is also the right item's id. */
    record Pair(String id, Text left, Text right) {
    }

    /** A right-hand item that belongs to no left item. */
    record Distractor(String id, Text text) {
    }

    record MatchingKey(List<Pair> pairs, List<Distractor> distractors, Scoring scoring) implements AnswerKey {
        public MatchingKey {
            pairs = List.copyOf(pairs);
            distractors = List.copyOf(distractors);
        }

        @Override
        public QuestionType type() {
            return QuestionType.MATCHING;
        }
    }

    record Item(String id, Text text) {
    }

    /** Items listed in their correct order. */
    record OrderingKey(List<Item> items, Scoring scoring) implements AnswerKey {
        public OrderingKey {
            items = List.copyOf(items);
        }

        @Override
        public QuestionType type() {
            return QuestionType.ORDERING;
        }
    }

    record SqlKey(SqlQuestionSpec spec) implements AnswerKey {
        @Override
        public QuestionType type() {
            return QuestionType.SQL;
        }
    }
}
