package campus.courses.doc;

import campus.i18n.Msg;
import campus.i18n.Problem;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact binary form of a {@link LessonDocument}, for {@link LessonCache}: reading it back takes a
 * fraction of a millisecond and no Markdown parser, where parsing the lesson again would start
 * Flexmark (tens of milliseconds the first time in a process). Strings are UTF-8 with an int length,
 * so code blocks and lessons of any size fit. Reading checks every length against what is left and
 * every tag against the known ones: a damaged or foreign input ends in {@link Corrupt}, never in a
 * wrong document or an out-of-memory error.
 */
public final class LessonCodec {

    /** Changes whenever the layout below or the meaning of a document changes. */
    static final int VERSION = 2;

    private LessonCodec() {
    }

    /** The input is not a document this codec wrote. */
    public static final class Corrupt extends Exception {
        private static final long serialVersionUID = 1L;

        Corrupt(String why) {
            super(why);
        }
    }

    /** Whether {@code doc} can be written: messages only carry strings and numbers as arguments. */
    public static boolean encodable(LessonDocument doc) {
        return doc.problems().stream().allMatch(p -> p.message().args().stream().allMatch(LessonCodec::encodableArg));
    }

    private static boolean encodableArg(Object a) {
        return a instanceof String || a instanceof Integer || a instanceof Long || a instanceof Double
                || a instanceof Boolean;
    }

    // ---- writing ----

    /** Writes {@code doc}; check {@link #encodable} first. */
    public static void write(LessonDocument doc, DataOutputStream out) throws IOException {
        new LessonEncoder(out).document(doc);
    }

    public static byte[] toBytes(LessonDocument doc) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(doc, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    // ---- reading ----

    /** Reads a document written by {@link #write}, starting at the buffer's position. */
    public static LessonDocument read(ByteBuffer in) throws Corrupt {
        try {
            return new LessonDecoder(in).document();
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new Corrupt(e.toString());
        }
    }

    static String readString(ByteBuffer in) throws Corrupt {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new Corrupt("a string of " + n + " bytes with " + in.remaining() + " left");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

}
