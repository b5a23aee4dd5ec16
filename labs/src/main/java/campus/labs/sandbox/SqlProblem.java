package campus.labs.sandbox;

import campus.i18n.Msg;

/**
 * Why a run stopped: refused by the guard, a syntax or engine error, a timeout, a cancel, memory.
 * {@code offset}, {@code line} and {@code column} point into the learner's whole text (1-based line and
 * column) so the editor can mark the spot; -1 / 0 when unknown.
 */
public record SqlProblem(Kind kind, Msg message, int offset, int line, int column) {

    public enum Kind { REFUSED, SYNTAX, ERROR, TIMEOUT, CANCELLED, MEMORY }

    public static SqlProblem at(Kind kind, Msg message, String script, int offset) {
        if (offset < 0) {
            return new SqlProblem(kind, message, -1, 0, 0);
        }
        int[] lc = campus.labs.sql.SqlScript.lineAndColumn(script, offset);
        return new SqlProblem(kind, message, offset, lc[0], lc[1]);
    }
}
