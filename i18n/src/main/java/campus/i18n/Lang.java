package campus.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages Campus teaches in. Content and UI exist in each of them. */
public enum Lang {
    EN("en", Locale.ENGLISH, "English"),
    ZH("zh", Locale.SIMPLIFIED_CHINESE, "简体中文");

    private final String code;
    private final Locale locale;
    private final String nativeName;

    Lang(String code, Locale locale, String nativeName) {
        this.code = code;
        this.locale = locale;
        this.nativeName = nativeName;
    }

    /** Short code used in file names and JSON keys: {@code en}, {@code zh}. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    public String nativeName() {
        return nativeName;
    }

    /** The other language: Campus has two, and the UI offers a one-key switch between them. */
    public Lang other() {
        return this == EN ? ZH : EN;
    }

    /** Accepts {@code en}, {@code zh}, {@code zh-CN}, {@code zh_CN}, any case. */
    public static Optional<Lang> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (Lang l : values()) {
            if (c.equals(l.code) || c.startsWith(l.code + "-") || c.startsWith(l.code + "_")) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
