package campus.i18n;

import java.util.List;

/**
 * A message a domain module reports to the user (a refused statement, a wrong answer, a malformed file),
 * kept as a bundle key plus arguments so it can be shown in either language, and switched later.
 */
public record Msg(String key, List<Object> args) {

    public Msg {
        args = List.copyOf(args);
    }

    public static Msg of(String key, Object... args) {
        return new Msg(key, List.of(args));
    }

    public String in(Lang lang) {
        return Messages.of(lang).get(key, args.toArray());
    }

    /** Both languages, handy for logs and command-line output. */
    public Text text() {
        return new Text(in(Lang.EN), in(Lang.ZH));
    }
}
