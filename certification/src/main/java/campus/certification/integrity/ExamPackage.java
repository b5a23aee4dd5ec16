package campus.certification.integrity;

import campus.certification.CertificationException;
import campus.certification.Sha256;
import campus.certification.bank.BankFiles;
import campus.certification.bank.ExamLoader;
import campus.certification.bank.LoadedExam;
import campus.i18n.Msg;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An encrypted exam bank. Layout (all integers big-endian):
 * <pre>
 *   8  magic "CAMPUSXP"
 *   1  format version (1)
 *   1  KDF id (1 = PBKDF2-HMAC-SHA256)
 *   4  KDF iterations
 *   16 salt (random per package)
 *   12 GCM nonce (random per package)
 *   32 code check: HMAC-SHA256(checkKey, "campus exam package code check")
 *   .. AES-256-GCM ciphertext of the gzipped {@link BankFiles} container, 16-byte tag at the end;
 *      the header above is the associated data, so no header byte can change unnoticed.
 * </pre>
 * master = PBKDF2(normalised code, salt, iterations, 256 bits); aesKey and checkKey are HMACs of
 * labels under master. The code check tells a wrong code apart from a damaged file: a wrong code
 * fails the check, a damaged file passes it and then fails the GCM tag.
 */
public final class ExamPackage {

    public static final int DEFAULT_ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 10_000;
    static final int MAX_ITERATIONS = 20_000_000;
    private static final byte[] MAGIC = "CAMPUSXP".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int KDF_PBKDF2_SHA256 = 1;
    private static final int SALT = 16;
    private static final int NONCE = 12;
    private static final int CHECK = 32;
    static final int HEADER = MAGIC.length + 1 + 1 + 4 + SALT + NONCE + CHECK;
    private static final int TAG_BITS = 128;
    private static final long MAX_SIZE = 256L * 1024 * 1024;

    private ExamPackage() {
    }

    /** Encrypts an exam folder; refuses a bank that does not validate, and a short code. */
    public static byte[] pack(Path examDir, String code, int iterations) throws IOException {
        BankFiles files = BankFiles.read(examDir);
        ExamLoader.load(files, Optional.empty());
        return pack(files, code, iterations);
    }

    public static byte[] pack(BankFiles files, String code, int iterations) {
        String c = UnlockCode.normalise(code);
        if (c.length() < UnlockCode.MIN_LENGTH) {
            throw new CertificationException(Msg.of("certification.package.code-too-short", UnlockCode.MIN_LENGTH));
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        SecureRandom rnd = new SecureRandom();
        byte[] salt = new byte[SALT];
        byte[] nonce = new byte[NONCE];
        rnd.nextBytes(salt);
        rnd.nextBytes(nonce);
        Keys keys = keys(c, salt, iterations);
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        header.put(MAGIC).put((byte) VERSION).put((byte) KDF_PBKDF2_SHA256).putInt(iterations).put(salt).put(nonce)
                .put(keys.check);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.aes, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.array());
            byte[] body = cipher.doFinal(gzip(files.toContainer()));
            ByteBuffer out = ByteBuffer.allocate(HEADER + body.length);
            return out.put(header.array()).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Opens a package file with the proctor's code; the KDF takes about a second by design. */
    public static LoadedExam open(Path file, String code) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new CertificationException(Msg.of("certification.package.not-a-package", file.toString()));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CertificationException(Msg.of("certification.package.unreadable", file.toString(),
                    String.valueOf(e.getMessage())), e);
        }
        return ExamLoader.load(decrypt(file.getFileName() + "!", bytes, code), Optional.of(Sha256.hex(bytes)));
    }

    /**
     * Checks what can be checked without the code: that {@code file} can be read and starts as a package of this
     * version that is long enough (a file opened from outside the app, e.g. double-clicked). Throws the message
     * {@link #open} would give; a package damaged further in is found when it is opened with the code.
     */
    public static void check(Path file) {
        byte[] head;
        long size;
        try {
            size = Files.size(file);
            try (java.io.InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(HEADER);
            }
        } catch (IOException e) {
            throw new CertificationException(Msg.of("certification.package.unreadable", file.toString(),
                    String.valueOf(e.getMessage())), e);
        }
        String origin = String.valueOf(file.getFileName());
        if (size > MAX_SIZE) {
            throw new CertificationException(Msg.of("certification.package.not-a-package", origin));
        }
        header(origin, head, size);
    }

    /** The checks of the header in {@code bytes} (the start of a package of {@code length} bytes); its iterations. */
    private static int header(String origin, byte[] bytes, long length) {
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new CertificationException(Msg.of("certification.package.not-a-package", origin));
        }
        if (bytes.length < MAGIC.length + 2) {
            throw new CertificationException(Msg.of("certification.package.truncated", origin));
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(MAGIC.length);
        int version = in.get() & 0xff;
        int kdf = in.get() & 0xff;
        if (version != VERSION || kdf != KDF_PBKDF2_SHA256) {
            throw new CertificationException(Msg.of("certification.package.version", origin, version));
        }
        if (length < HEADER + TAG_BITS / 8 || bytes.length < HEADER) {
            throw new CertificationException(Msg.of("certification.package.truncated", origin));
        }
        int iterations = in.getInt();
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new CertificationException(Msg.of("certification.package.corrupt", origin));
        }
        return iterations;
    }

    public static BankFiles decrypt(String origin, byte[] bytes, String code) {
        int iterations = header(origin, bytes, bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(MAGIC.length + 2 + 4);
        byte[] salt = new byte[SALT];
        byte[] nonce = new byte[NONCE];
        byte[] check = new byte[CHECK];
        in.get(salt).get(nonce).get(check);
        Keys keys = keys(UnlockCode.normalise(code), salt, iterations);
        if (!MessageDigest.isEqual(check, keys.check)) {
            throw new CertificationException(Msg.of("certification.package.wrong-code"));
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.aes, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(bytes, 0, HEADER);
            byte[] plain = cipher.doFinal(bytes, HEADER, bytes.length - HEADER);
            return BankFiles.fromContainer(origin, gunzip(plain));
        } catch (AEADBadTagException e) {
            throw new CertificationException(Msg.of("certification.package.corrupt", origin), e);
        } catch (IOException e) {
            throw new CertificationException(Msg.of("certification.package.corrupt", origin), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private record Keys(byte[] aes, byte[] check) {
    }

    private static Keys keys(String code, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(code.toCharArray(), salt, iterations, 256);
            byte[] master = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            byte[] aes = mac.doFinal("campus exam package aes-256-gcm key".getBytes(StandardCharsets.US_ASCII));
            byte[] checkKey = mac.doFinal("campus exam package check key".getBytes(StandardCharsets.US_ASCII));
            mac.init(new SecretKeySpec(checkKey, "HmacSHA256"));
            byte[] check = mac.doFinal("campus exam package code check".getBytes(StandardCharsets.US_ASCII));
            Arrays.fill(master, (byte) 0);
            return new Keys(aes, check);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 and HMAC-SHA256 are part of every JDK", e);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readNBytes((int) MAX_SIZE);
        }
    }
}
