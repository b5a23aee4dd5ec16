package campus.certification.importer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Texts of a Moodle XML question as Markdown, with the files they embed: {@code <file>}s (base64) are
 * saved as {@link Media} and the text's {@code @@PLUGINFILE@@/…} references point there. Formats as Moodle names them ({@code html} when absent or unknown, {@code moodle_auto_format},
 * {@code plain_text}, {@code wiki_like}, {@code markdown}).
 */
final class XmlText {

    private static final Pattern PLUGINFILE = Pattern.compile("@@PLUGINFILE@@/([^\"'\\s)<>]+)");

    private final Media media;

    XmlText(Media media) {
        this.media = media;
    }

    /** Moodle's format name for Campus: {@code html}, {@code moodle}, {@code markdown} or {@code plain}. */
    static String format(Element e, String fallback) {
        String f = e == null || !e.hasAttribute("format") ? fallback : e.getAttribute("format").strip();
        return switch (f) {
            case "moodle_auto_format", "moodle" -> "moodle";
            case "plain_text", "plain", "wiki_like" -> "plain";
            case "markdown" -> "markdown";
            default -> "html";
        };
    }

    /** The Moodle format name a question's text uses, as the default of its feedback texts. */
    static String rawFormat(Element e) {
        return e == null || !e.hasAttribute("format") ? "html" : e.getAttribute("format").strip();
    }

    /** An element's {@code <text>} as Markdown, its files saved and referenced from it. */
    String markdown(Element e, String defaultFormat) {
        if (e == null) {
            return "";
        }
        String text = rewrite(text(e), files(e));
        return media.inline(ImportText.convert(text, format(e, defaultFormat)));
    }

    /** Moodle's pre-2.0 {@code <image>} + {@code <image_base64>}: saved, and shown after the text. */
    String oldImage(Element question) {
        Element name = MoodleXml.child(question, "image");
        Element data = MoodleXml.child(question, "image_base64");
        if (name == null || data == null || name.getTextContent().isBlank()) {
            return "";
        }
        String file = media.save(name.getTextContent().strip().replace('/', '_'), data.getTextContent());
        return file == null ? "" : "\n\n![](" + file.replace(" ", "%20") + ")";
    }

    private List<String[]> files(Element e) {
        List<String[]> out = new ArrayList<>();
        for (Element f : MoodleXml.children(e, "file")) {
            String path = f.getAttribute("path").isEmpty() ? "/" : f.getAttribute("path");
            String name = (path + f.getAttribute("name")).replaceFirst("^/+", "");
            String to = media.save(name, f.getTextContent());
            if (to != null) {
                out.add(new String[] {name, to});
            }
        }
        return out;
    }

    /** Points {@code @@PLUGINFILE@@/name} at the saved copy; a reference to a file the XML lacks is reported. */
    private String rewrite(String text, List<String[]> files) {
        Matcher m = PLUGINFILE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String ref = URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            String to = null;
            for (String[] f : files) {
                if (f[0].equalsIgnoreCase(ref)) {
                    to = f[1].replace(" ", "%20");
                }
            }
            if (to == null) {
                media.missing(ref);
                to = ref;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(to));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The element's own {@code <text>} child (CDATA included), or its direct text. */
    static String text(Element e) {
        if (e == null) {
            return "";
        }
        Element t = MoodleXml.child(e, "text");
        if (t != null) {
            return ImportText.trim(t.getTextContent());
        }
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            }
        }
        return ImportText.trim(sb.toString());
    }
}
