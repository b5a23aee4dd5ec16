package campus.i18n;

import java.util.Objects;

/**
 * A piece of content written in both languages (a course title, a hint, a question).
 * A missing translation falls back to the other language so the learner always sees something;
 * {@code validate} is what reports the gap to the author.
 */
public record Text(String en, String zh) {

    public static Text of(String en, String zh) {
        return new Text(en, zh);
    }

    /** The same string in both languages (ids, SQL, numbers). */
    public static Text same(String s) {
        return new Text(s, s);
    }

    public String in(Lang lang) {
        String primary = lang == Lang.ZH ? zh : en;
        String fallback = lang == Lang.ZH ? en : zh;
        if (primary != null && !primary.isBlank()) {
            return primary;
        }
        return Objects.requireNonNullElse(fallback, "");
    }

    public boolean has(Lang lang) {
        String s = lang == Lang.ZH ? zh : en;
        return s != null && !s.isBlank();
    }

    public boolean complete() {
        return has(Lang.EN) && has(Lang.ZH);
    }
}
