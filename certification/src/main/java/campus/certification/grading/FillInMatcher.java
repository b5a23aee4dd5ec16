package campus.certification.grading;

import campus.certification.model.AnswerKey;
import campus.certification.model.AnswerKey.Accepted;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the listed answer a typed fill-in answer matches. The first listed answer that matches decides
 * (its credit and its feedback), as Moodle's short-answer and numerical questions do, so an author's
 * order means the same in Campus and in Moodle.
 */
final class FillInMatcher {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private FillInMatcher() {
    }

    static Optional<Accepted> match(AnswerKey.FillInKey key, String response) {
        String given = normalise(response, key.caseSensitive());
        if (given.isEmpty()) {
            return Optional.empty();
        }
        Double number = parseNumber(given);
        for (Accepted a : key.accepted()) {
            if (hits(a, given, number, key.caseSensitive())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private static boolean hits(Accepted a, String given, Double number, boolean caseSensitive) {
        if (a instanceof Accepted.TextAnswer t) {
            return normalise(t.text(), caseSensitive).equals(given);
        }
        if (a instanceof Accepted.PatternAnswer p) {
            return wildcard(normalise(p.pattern(), caseSensitive)).matcher(given).matches();
        }
        if (a instanceof Accepted.NumberAnswer n) {
            return number != null && Math.abs(number - n.value()) <= n.tolerance() + slack(n.value());
        }
        Accepted.RangeAnswer r = (Accepted.RangeAnswer) a;
        return number != null && number >= r.min() - slack(r.min()) && number <= r.max() + slack(r.max());
    }

    /** {@code *} (or a run of them) stands for any characters; {@code \*} is a star. */
    static Pattern wildcard(String pattern) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                literal.append('*');
                i++;
            } else if (c == '*') {
                re.append(Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
                while (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    i++;
                }
            } else {
                literal.append(c);
            }
        }
        re.append(Pattern.quote(literal.toString()));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** Absorbs binary rounding, e.g. 0.1 + 0.2 typed as 0.3 against a tolerance of 0. */
    private static double slack(double v) {
        return 1e-9 * Math.max(1, Math.abs(v));
    }

    /**
     * NFKC folds full-width letters and digits typed with a Chinese input method into their ASCII
     * forms; spaces are trimmed and collapsed; case is folded unless the question says otherwise.
     */
    static String normalise(String s, boolean caseSensitive) {
        String n = SPACES.matcher(Normalizer.normalize(s, Normalizer.Form.NFKC)).replaceAll(" ").trim();
        return caseSensitive ? n : n.toLowerCase(Locale.ROOT);
    }

    static Double parseNumber(String s) {
        String t = s.replace(" ", "");
        if (!NUMBER.matcher(t).matches()) {
            return null;
        }
        double d = Double.parseDouble(t);
        return Double.isFinite(d) ? d : null;
    }
}
