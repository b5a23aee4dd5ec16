package campus.i18n;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks up UI and domain message strings. Each module keeps its own bundle, so modules never edit
 * one shared file: the first segment of a key names it. {@code labs.guard.refused} lives in
 * {@code campus/labs/messages_en.properties} and {@code campus/labs/messages_zh_CN.properties}.
 * A key missing in Chinese falls back to English; a key missing everywhere shows as {@code !key!}
 * so the gap is visible on screen instead of crashing. Each module's bundle test keeps both at zero.
 */
public final class Messages {

    private static final Map<Lang, Messages> CACHE = new EnumMap<>(Lang.class);

    private final Lang lang;
    private final Map<String, Optional<ResourceBundle>> bundles = new ConcurrentHashMap<>();

    private Messages(Lang lang) {
        this.lang = lang;
    }

    public static synchronized Messages of(Lang lang) {
        return CACHE.computeIfAbsent(lang, Messages::new);
    }

    /** {@code labs.guard.refused} → {@code campus.labs.messages}. */
    public static String bundleNameFor(String key) {
        int dot = key.indexOf('.');
        String module = dot < 0 ? key : key.substring(0, dot);
        return "campus." + module + ".messages";
    }

    /** The exact file for one language, without the default-locale fallback that would hide a gap. */
    public static Optional<ResourceBundle> load(String bundleName, Lang lang) {
        try {
            return Optional.of(ResourceBundle.getBundle(bundleName, lang.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    public Lang lang() {
        return lang;
    }

    public boolean has(String key) {
        return pattern(key, lang) != null || pattern(key, Lang.EN) != null;
    }

    public String get(String key, Object... args) {
        String pattern = pattern(key, lang);
        if (pattern == null) {
            pattern = pattern(key, Lang.EN);
        }
        if (pattern == null) {
            return "!" + key + "!";
        }
        // A nested message (a lab's SQL error inside a sentence) is said in the same language as the sentence.
        Object[] rendered = args;
        for (int k = 0; k < args.length; k++) {
            if (args[k] instanceof Msg m) {
                if (rendered == args) {
                    rendered = args.clone();
                }
                rendered[k] = get(m.key(), m.args().toArray());
            }
        }
        // Always through MessageFormat, with or without arguments, so quoting ('' and '{') means the
        // same in every message and matches what BundleCheck validates.
        return new MessageFormat(pattern, lang.locale()).format(rendered);
    }

    private String pattern(String key, Lang l) {
        Messages m = l == lang ? this : of(l);
        Optional<ResourceBundle> b = m.bundles.computeIfAbsent(bundleNameFor(key), name -> load(name, l));
        if (b.isEmpty() || !b.get().containsKey(key)) {
            return null;
        }
        return b.get().getString(key);
    }
}
