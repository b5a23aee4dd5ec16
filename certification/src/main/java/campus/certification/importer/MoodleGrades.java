package campus.certification.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer grades Moodle accepts on import (its fixed list, from 100 % down to 5 %, none, and the
 * same below zero, stored to seven places), and the rule it imports them by: a grade within 0.00001 of
 * one on the list is that grade, any other grade refuses the question.
 */
final class MoodleGrades {

    private static final double[] POSITIVE = {1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4,
        0.3333333, 0.3, 0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05};
    private static final double MATCH = 0.00001;

    private MoodleGrades() {
    }

    /** The grade from Moodle's list this fraction stands for, or null when Moodle refuses it. */
    static Double standard(double fraction) {
        if (Math.abs(fraction) < MATCH) {
            return 0.0;
        }
        for (double g : POSITIVE) {
            if (Math.abs(fraction - g) < MATCH) {
                return g;
            }
            if (Math.abs(fraction + g) < MATCH) {
                return -g;
            }
        }
        return null;
    }

    /**
     * Maps every fraction to its standard grade; returns null and reports the question (with the grades
     * as percentages) when one is not on Moodle's list.
     */
    static double[] check(double[] fractions, ImportReport.Builder report) {
        double[] out = new double[fractions.length];
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < fractions.length; i++) {
            Double g = standard(fractions[i]);
            if (g == null) {
                bad.add(percent(fractions[i]));
            } else {
                out[i] = g;
            }
        }
        if (!bad.isEmpty()) {
            report.skip("certification.import.invalid-grades", String.join(", ", bad));
            return null;
        }
        return out;
    }

    /** 0.3333333 → "33.33333 %", as an author wrote it, never rounded by a message format. */
    static String percent(double fraction) {
        BigDecimal p = BigDecimal.valueOf(fraction).setScale(7, java.math.RoundingMode.HALF_UP)
                .multiply(BigDecimal.valueOf(100)).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + " %";
    }
}
