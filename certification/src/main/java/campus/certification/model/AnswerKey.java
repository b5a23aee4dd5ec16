package campus.certification.model;

import campus.certification.sql.SqlQuestionSpec;
import campus.i18n.Text;
import java.util.List;
import java.util.Objects;

/** What a right answer is, per question type. */
public sealed interface AnswerKey {

    QuestionType type();

    /**
     * An answer option of a choice question. {@code weight} is used only by {@link Scoring#WEIGHTED};
     * {@code feedback} is shown to a learner who chose the option (empty: none).
     */
    record Option(String id, Text text, boolean correct, double weight, Text feedback) {
        public Option {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            feedback = feedback == null ? NONE : feedback;
        }

        public Option(String id, Text text, boolean correct, double weight) {
            this(id, text, correct, weight, NONE);
        }
    }

    /** No feedback text. */
    Text NONE = Text.same("");

    /**
     * Single choice (all-or-nothing: exactly one option correct; weighted: the chosen option's weight,
     * any option of full weight is right) or multiple choice (one or more correct).
     */
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

    /** @param feedbackTrue shown to a learner who answered true; {@code feedbackFalse} likewise */
    record TrueFalseKey(boolean answer, Text feedbackTrue, Text feedbackFalse) implements AnswerKey {
        public TrueFalseKey {
            feedbackTrue = feedbackTrue == null ? NONE : feedbackTrue;
            feedbackFalse = feedbackFalse == null ? NONE : feedbackFalse;
        }

        public TrueFalseKey(boolean answer) {
            this(answer, NONE, NONE);
        }

        @Override
        public QuestionType type() {
            return QuestionType.TRUE_FALSE;
        }
    }

    /**
     * One listed fill-in answer: a text (compared after normalising), a pattern ({@code *} stands for any
     * characters, {@code \*} for a star), a number with a tolerance, or a closed numeric range.
     * {@code credit} is the fraction of the points it earns (1 = full, 0 = a recognised wrong answer);
     * {@code feedback} is shown to a learner whose answer it matched. The first listed answer that
     * matches decides, as in Moodle.
     */
    sealed interface Accepted {
        double credit();

        Text feedback();

        record TextAnswer(String text, double credit, Text feedback) implements Accepted {
            public TextAnswer {
                feedback = feedback == null ? NONE : feedback;
            }

            public TextAnswer(String text, double credit) {
                this(text, credit, NONE);
            }
        }

        record PatternAnswer(String pattern, double credit, Text feedback) implements Accepted {
            public PatternAnswer {
                feedback = feedback == null ? NONE : feedback;
            }
        }

        record NumberAnswer(double value, double tolerance, double credit, Text feedback) implements Accepted {
            public NumberAnswer {
                feedback = feedback == null ? NONE : feedback;
            }

            public NumberAnswer(double value, double tolerance, double credit) {
                this(value, tolerance, credit, NONE);
            }
        }

        record RangeAnswer(double min, double max, double credit, Text feedback) implements Accepted {
            public RangeAnswer {
                feedback = feedback == null ? NONE : feedback;
            }

            public RangeAnswer(double min, double max, double credit) {
                this(min, max, credit, NONE);
            }
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
