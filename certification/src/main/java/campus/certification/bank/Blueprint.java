package campus.certification.bank;

import campus.i18n.Text;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An exam's rules ({@code exam.json}): time, pass mark, the sections that draw questions, shuffling,
 * what the candidate sees afterwards and what happens at time-out, and the topics' display names.
 *
 * @param topicNames topic id → bilingual name, for screens only: results and records keep topic ids
 */
public record Blueprint(String id, Text title, Text description, Duration timeLimit, PassMark pass,
                        boolean shuffleQuestions, boolean shuffleOptions, Explanations explanations,
                        OnTimeout onTimeout, Duration grace, List<Section> sections, Map<String, Text> topicNames,
                        String source) {

    public Blueprint {
        sections = List.copyOf(sections);
        topicNames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topicNames));
    }

    /** The topic's name; the id itself (in both languages) for a topic the exam does not name, which validation reports. */
    public Text topicName(String topic) {
        Text name = topicNames.get(topic);
        return name == null ? Text.same(topic) : name;
    }

    public int questionCount() {
        return sections.stream().mapToInt(Section::count).sum();
    }

    /** When the candidate may read explanations and right answers after submitting. */
    public enum Explanations {
        /** Practice runs and certification alike. */
        ALWAYS,
        /** Practice runs only; a certification attempt shows score, pass/fail and topics. */
        PRACTICE_ONLY,
        NEVER;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean visibleIn(ExamMode mode) {
            return this == ALWAYS || (this == PRACTICE_ONLY && mode == ExamMode.PRACTICE);
        }
    }

    /** Moodle's three expiry policies. */
    public enum OnTimeout {
        /** The attempt is submitted with the answers it has when time runs out. */
        AUTO_SUBMIT,
        /** Answers lock; the candidate has {@code grace} to press submit, then it is submitted. */
        GRACE,
        /** An attempt not submitted in time is closed ungraded and scores zero. */
        NOT_COUNTED;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
