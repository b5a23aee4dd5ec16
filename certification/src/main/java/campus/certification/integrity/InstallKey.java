package campus.certification.integrity;

import campus.certification.CertificationException;
import campus.certification.Sha256;
import campus.i18n.Msg;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * This installation's Ed25519 key pair, made once and kept in {@code <data>/keys/}. It signs attempt
 * records and every write of the local attempt store. The private key is a plain file readable only
 * by the user: it stops casual edits and lets the server tell installs apart, not a determined
 * owner of the machine (see the README's integrity section).
 */
public final class InstallKey {

    static final String PRIVATE_FILE = "install-ed25519.pk8";
    static final String PUBLIC_FILE = "install-ed25519.pub";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private InstallKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static synchronized InstallKey loadOrCreate(Path dataDir) throws IOException {
        Path dir = dataDir.resolve("keys");
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        if (!Files.exists(priv)) {
            OwnerOnly.createDirectories(dir);
            try {
                KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                writeOnce(pub, kp.getPublic().getEncoded());
                writeOnce(priv, kp.getPrivate().getEncoded());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 is part of JDK 15+", e);
            } catch (FileAlreadyExistsException raced) {
                // another Campus process made the key first; use that one
            }
        }
        try {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            PrivateKey p = kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv)));
            PublicKey q = kf.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub)));
            return new InstallKey(p, q);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CertificationException(Msg.of("certification.key.damaged", dir.toString()), e);
        }
    }

    private static void writeOnce(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's profile folder is already private
            }
            Files.write(tmp, bytes);
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** First 16 hex digits of SHA-256 over the public key: short enough to read out to a proctor. */
    public String fingerprint() {
        return fingerprint(publicKey);
    }

    public static String fingerprint(PublicKey key) {
        return Sha256.hex(key.getEncoded()).substring(0, 16);
    }

    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublicKey decodePublic(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CertificationException(Msg.of("certification.record.bad-key"), e);
        }
    }

    /** Reads a {@code .pub} file as written here (X.509 DER) or as its Base64 text. */
    public static PublicKey readPublic(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(bytes));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return decodePublic(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
        }
    }
}
