package campus.labs.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.HexFormat;

/** A serializable class whose deserialization is seen: a stand-in for a gadget chain that does a DNS lookup. */
public final class Tripwire implements Serializable {

    private static final long serialVersionUID = 1L;
    public static volatile int deserialized;

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        deserialized++;
    }

    /** The serialized bytes of a tripwire, as hex for {@code X'…'}. */
    public static String hex() {
        try (ByteArrayOutputStream b = new ByteArrayOutputStream(); ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(new Tripwire());
            o.flush();
            return HexFormat.of().formatHex(b.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
