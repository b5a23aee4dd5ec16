package campus.certification.integrity;

import campus.certification.CertificationException;
import campus.i18n.Msg;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A payload signed with an install key, stored as JSON:
 * {@code {"format": "...", "payload": base64, "publicKey": base64 X.509, "signature": base64}}.
 * The signature covers the format label and the payload bytes exactly as stored, so no
 * canonical JSON is needed, and a local store file cannot pass as a submitted record.
 */
public final class SignedEnvelope {

    /** Written after every answer to the local attempt store. */
    public static final String ATTEMPT = "campus.attempt/1";
    /** Written once at submit: what a candidate hands in and the server verifies. */
    public static final String RECORD = "campus.attempt-record/1";

    /** A verified envelope. */
    public record Opened(String format, byte[] payload, PublicKey key) {
        public String payloadText() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private SignedEnvelope() {
    }

    public static String seal(String format, byte[] payload, InstallKey key) {
        JsonObject o = new JsonObject();
        o.addProperty("format", format);
        o.addProperty("payload", Base64.getEncoder().encodeToString(payload));
        o.addProperty("publicKey", key.publicKeyBase64());
        o.addProperty("signature", Base64.getEncoder().encodeToString(key.sign(signed(format, payload))));
        return o.toString();
    }

    /**
     * Checks the signature against the key the envelope names.
     *
     * @throws CertificationException with {@code certification.record.*} when the text is not an
     *                                envelope of that format or the signature does not verify
     */
    public static Opened open(String text, String expectedFormat) {
        JsonObject o;
        String format;
        byte[] payload;
        byte[] signature;
        PublicKey key;
        try {
            o = JsonParser.parseString(text).getAsJsonObject();
            format = o.get("format").getAsString();
            payload = Base64.getDecoder().decode(o.get("payload").getAsString());
            signature = Base64.getDecoder().decode(o.get("signature").getAsString());
            key = InstallKey.decodePublic(o.get("publicKey").getAsString());
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
                 | UnsupportedOperationException e) {
            throw new CertificationException(Msg.of("certification.record.malformed"), e);
        }
        if (!expectedFormat.equals(format)) {
            throw new CertificationException(Msg.of("certification.record.wrong-format", format, expectedFormat));
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(signed(format, payload));
            if (!s.verify(signature)) {
                throw new CertificationException(Msg.of("certification.record.bad-signature"));
            }
        } catch (java.security.SignatureException e) {
            throw new CertificationException(Msg.of("certification.record.bad-signature"), e);
        } catch (GeneralSecurityException e) {
            throw new CertificationException(Msg.of("certification.record.bad-key"), e);
        }
        return new Opened(format, payload, key);
    }

    private static byte[] signed(String format, byte[] payload) {
        byte[] f = format.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[f.length + 1 + payload.length];
        System.arraycopy(f, 0, all, 0, f.length);
        System.arraycopy(payload, 0, all, f.length + 1, payload.length);
        return all;
    }
}
