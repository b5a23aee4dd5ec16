package campus.i18n;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Looks up UI and domain message strings in {@code campus/i18n/messages_*.properties}.
 * A key missing in Chinese falls back to English; a key missing everywhere shows as {@code !key!}
 * so the gap is visible on screen instead of crashing. The bundle consistency test keeps both at zero.
 */
public final class Messages {

    public static final String BUNDLE = "campus.i18n.messages";
    private static final Map<Lang, Messages> CACHE = new EnumMap<>(Lang.class);

    private final Lang lang;
    private final ResourceBundle bundle;
    private final ResourceBundle fallback;

    private Messages(Lang lang) {
        this.lang = lang;
        this.bundle = load(lang);
        this.fallback = lang == Lang.EN ? null : load(Lang.EN);
    }

    public static synchronized Messages of(Lang lang) {
        return CACHE.computeIfAbsent(lang, Messages::new);
    }

    static ResourceBundle load(Lang lang) {
        // NO_FALLBACK: we want the exact file per language; the default-locale fallback of
        // ResourceBundle would silently hide a missing Chinese bundle on an English machine.
        return ResourceBundle.getBundle(BUNDLE, lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Lang lang() {
        return lang;
    }

    public boolean has(String key) {
        return bundle.containsKey(key) || (fallback != null && fallback.containsKey(key));
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            try {
                pattern = fallback == null ? null : fallback.getString(key);
            } catch (MissingResourceException e2) {
                pattern = null;
            }
        }
        if (pattern == null) {
            return "!" + key + "!";
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, lang.locale()).format(args);
    }

    /** Every key of this language's own file, for the consistency test. */
    public Set<String> ownKeys() {
        return bundle.keySet();
    }
}
