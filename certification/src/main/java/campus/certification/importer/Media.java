package campus.certification.importer;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a question embeds, saved under {@code media/<question-id>/} beside the bank, each with a line
 * in the report (exam and quiz screens do not show images yet, so an author must know). Embedded means
 * a Moodle XML {@code <file>} or a {@code data:} URI in the text; an image that stays a link elsewhere is
 * reported too.
 */
final class Media {

    private static final Pattern DATA_URI = Pattern.compile(
            "data:([\\w.+-]+/[\\w.+-]+)?((?:;[\\w.+-]+=[\\w.+-]+)*);base64,([A-Za-z0-9+/=\\s]+)");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^]]*]\\(([^)]*)\\)");

    private final String dir;
    private final ImportReport.Builder report;
    private final List<String> saved = new ArrayList<>();
    private final Set<String> quiet = new HashSet<>();
    private int inlined;

    /** @param dir where this question's files go, relative to the bank: {@code media/<question-id>} */
    Media(String dir, ImportReport.Builder report) {
        this.dir = dir;
        this.report = report;
    }

    /** Saves one file from base64; a name that would leave the media folder or bad base64 is reported. */
    String save(String relative, String base64) {
        String clean = relative.replace('\\', '/');
        if (clean.isBlank() || clean.startsWith("/") || List.of(clean.split("/")).contains("..")) {
            report.note("certification.import.media-bad", shorten(relative));
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            report.note("certification.import.media-bad", shorten(relative));
            return null;
        }
        String to = dir + "/" + clean;
        if (!saved.contains(to)) {
            saved.add(to);
            report.media(to, bytes);
            report.note("certification.import.media-saved", shorten(relative), to);
        }
        return to;
    }

    /** A reference the text makes to a file it does not carry: reported once, not again as a link. */
    void missing(String ref) {
        report.note("certification.import.media-missing", shorten(ref));
        quiet.add(ref);
    }

    /** Saves {@code data:} URIs as files and points the Markdown at them; reports images that stay links. */
    String inline(String markdown) {
        Matcher d = DATA_URI.matcher(markdown);
        StringBuilder sb = new StringBuilder();
        while (d.find()) {
            String name = "inline-" + (++inlined) + "." + extension(d.group(1));
            String to = save(name, d.group(3));
            d.appendReplacement(sb, Matcher.quoteReplacement(to == null ? d.group() : to));
        }
        d.appendTail(sb);
        String out = sb.toString();
        Matcher m = IMAGE.matcher(out);
        while (m.find()) {
            String target = m.group(1);
            if (!target.startsWith(dir + "/") && !quiet.contains(target)) {
                report.note("certification.import.media-linked", shorten(target));
            }
        }
        return out;
    }

    private static String extension(String mime) {
        String m = mime == null ? "" : mime.toLowerCase(Locale.ROOT);
        return switch (m) {
            case "image/png" -> "png";
            case "image/jpeg", "image/jpg" -> "jpg";
            case "image/gif" -> "gif";
            case "image/svg+xml" -> "svg";
            case "image/webp" -> "webp";
            case "audio/mpeg" -> "mp3";
            default -> "bin";
        };
    }

    /** A reference as a report line can hold it: a data URI or a long URL is cut. */
    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }
}
