package campus.labs.sql;

import campus.i18n.Msg;

/**
 * Why the guard refused a statement: a bilingual message naming the construct, and where it is in
 * the learner's text (offset into the whole script) so the editor can mark it.
 */
public record Refusal(String construct, Msg message, int offset) {
}
