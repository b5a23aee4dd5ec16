package campus.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random secrets handed to a client (tokens, invitation codes) and the hashes the database keeps instead.
 * They carry 256 and 60 bits of randomness, so a plain SHA-256 is enough: there is nothing to guess from.
 */
public final class Secrets {

    /** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
    static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "cs1_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Twelve characters in three groups, {@code 7KQ2-M9XD-4HZT}: 60 bits. */
    public static String inviteCode() {
        StringBuilder s = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                s.append('-');
            }
            s.append(CODE_ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return s.toString();
    }

    /** A code as typed: any case, dashes and spaces ignored, O read as 0 and I or L as 1. */
    public static String normalizeCode(String code) {
        StringBuilder s = new StringBuilder(code.length());
        for (char c : code.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == 'O') {
                s.append('0');
            } else if (c == 'I' || c == 'L') {
                s.append('1');
            } else if (c != '-' && c != ' ') {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** A one-time password: 20 characters from the code alphabet, 100 bits. */
    public static String oneTimePassword() {
        StringBuilder s = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            s.append(CODE_ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return s.toString();
    }

    public static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : d) {
                hex.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
