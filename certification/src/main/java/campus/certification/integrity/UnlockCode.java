package campus.certification.integrity;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A proctor's unlock code. Spaces and dashes are ignored and letters compared in upper case, so
 * {@code k7q2-9xwd-m3pt} read aloud and typed either way opens the package.
 */
public final class UnlockCode {

    /** Below this, guessing the code offline gets cheap even with a slow KDF. */
    public static final int MIN_LENGTH = 8;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private UnlockCode() {
    }

    public static String normalise(String code) {
        String n = Normalizer.normalize(code == null ? "" : code, Normalizer.Form.NFKC);
        return n.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** 12 characters without look-alikes (no 0/O, 1/I), grouped 4-4-4: about 60 bits. */
    public static String generate() {
        SecureRandom rnd = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
