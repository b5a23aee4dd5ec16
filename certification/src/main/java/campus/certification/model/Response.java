package campus.certification.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a learner answered. Unanswered is the absence of a response, never an empty one. */
public sealed interface Response {

    /** Short, single-line form for events and logs. */
    String summary();

    /** Option ids chosen (single choice: one). */
    record Choice(List<String> optionIds) implements Response {
        public Choice {
            optionIds = List.copyOf(optionIds);
        }

        public static Choice of(String... ids) {
            return new Choice(List.of(ids));
        }

        @Override
        public String summary() {
            return String.join(",", optionIds.stream().sorted().toList());
        }
    }

    record TrueFalse(boolean value) implements Response {
        @Override
        public String summary() {
            return Boolean.toString(value);
        }
    }

    record FillIn(String text) implements Response {
        public FillIn {
            text = text == null ? "" : text;
        }

        @Override
        public String summary() {
            return clip(text);
        }
    }

    /** Left id → the presented id of a right item (a form's label, see {@code MatchingLabels}); graders translate it. */
    record Matching(Map<String, String> matches) implements Response {
        public Matching {
            matches = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(matches));
        }

        @Override
        public String summary() {
            return matches.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "->" + e.getValue()).collect(Collectors.joining(";"));
        }
    }

    /** Item ids in the order the learner put them. */
    record Ordering(List<String> itemIds) implements Response {
        public Ordering {
            itemIds = List.copyOf(itemIds);
        }

        @Override
        public String summary() {
            return String.join(",", itemIds);
        }
    }

    record Sql(String sql) implements Response {
        public Sql {
            sql = sql == null ? "" : sql;
        }

        @Override
        public String summary() {
            return clip(sql);
        }
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() <= 200 ? one : one.substring(0, 199) + "…";
    }
}
