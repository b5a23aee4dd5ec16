package campus.courses;

import campus.i18n.Msg;
import campus.i18n.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads an author's text file as UTF-8, turning every way that can fail into a located problem. */
final class TextFile {

    private TextFile() {
    }

    /**
     * The file's text without a leading byte order mark, or empty with a problem. A file that is not
     * UTF-8 (saved as GBK or Latin-1 by an editor) is reported at the line of its first bad byte.
     */
    static Optional<String> read(Path file, String display, long maxBytes, List<Problem> problems) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                problems.add(new Problem(display, 0,
                        Msg.of("courses.file.tooLarge", (size + 1023) / 1024, maxBytes / 1024)));
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            problems.add(new Problem(display, 0, Msg.of("courses.file.missing")));
            return Optional.empty();
        } catch (AccessDeniedException e) {
            problems.add(new Problem(display, 0, Msg.of("courses.file.unreadable", "access denied")));
            return Optional.empty();
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "it is a folder" : e.getClass().getSimpleName();
            problems.add(new Problem(display, 0, Msg.of("courses.file.unreadable", why)));
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int badAt = in.position();
            problems.add(new Problem(display, lineAt(bytes, badAt),
                    Msg.of("courses.file.notUtf8", String.format("0x%02X", bytes[badAt] & 0xFF))));
            return Optional.empty();
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
