package campus.certification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Incremental SHA-256 with hex output, the digest used for apps, packages, banks and records. */
public final class Sha256 {

    private final MessageDigest md;

    public Sha256() {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    public Sha256 update(byte[] bytes) {
        md.update(bytes);
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(md.digest());
    }

    public static String hex(byte[] bytes) {
        return new Sha256().update(bytes).hex();
    }

    public static String of(Path file) throws IOException {
        Sha256 sha = new Sha256();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.md.update(buf, 0, n);
            }
        }
        return sha.hex();
    }
}
