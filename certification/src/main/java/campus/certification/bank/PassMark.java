package campus.certification.bank;

/**
 * The score needed to pass: either points ({@code {"points": 42}}) or a percentage of the
 * form's maximum ({@code {"percent": 60}}).
 */
public record PassMark(double value, boolean percent) {

    /** Tolerates binary rounding of sums like 0.1 + 0.2 so 60.0000001% vs 60% never flips a result. */
    private static final double EPSILON = 1e-9;

    public double pointsNeeded(double max) {
        return percent ? max * value / 100.0 : value;
    }

    public boolean passed(double score, double max) {
        return score + EPSILON >= pointsNeeded(max);
    }
}
