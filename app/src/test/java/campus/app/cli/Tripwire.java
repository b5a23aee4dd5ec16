package campus.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * A serializable class whose deserialization leaves a file behind: a stand-in for a gadget chain that does a DNS
 * lookup. A file, not a counter, because learner SQL runs in a lab worker process: a deserialization there would
 * never touch a field of the test's JVM. The worker has the test's class path, so it could resolve this class.
 */
final class Tripwire implements Serializable {

    private static final long serialVersionUID = 1L;
    private final String mark;

    private Tripwire(Path mark) {
        this.mark = mark.toString();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Files.writeString(Path.of(mark), "deserialized in process " + ProcessHandle.current().pid());
    }

    /** The serialized bytes of a tripwire that writes {@code mark} when it is read back, as hex for {@code X'…'}. */
    static String hex(Path mark) {
        try (ByteArrayOutputStream b = new ByteArrayOutputStream(); ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(new Tripwire(mark));
            o.flush();
            return HexFormat.of().formatHex(b.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
