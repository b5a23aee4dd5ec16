package campus.certification.integrity;

import campus.certification.CertificationException;
import campus.i18n.Msg;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The install keys a proctor trusts: a text file with one key per line, either a Base64 Ed25519 public key or the
 * path of a candidate's {@code install-ed25519.pub} file (relative to the keyring's folder), optionally followed
 * by a space and a note such as the candidate's name; blank lines and lines starting with {@code #} are skipped.
 */
public final class Keyring {

    private Keyring() {
    }

    /** @throws CertificationException naming the file and line of a line that is not a key, or an empty keyring */
    public static Set<PublicKey> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Set<PublicKey> keys = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String word = line.split("\\s+", 2)[0];
            Path pub = file.toAbsolutePath().resolveSibling(word);
            try {
                keys.add(word.endsWith(".pub") && Files.isRegularFile(pub) ? InstallKey.readPublic(pub)
                        : InstallKey.decodePublic(word));
            } catch (CertificationException e) {
                throw new CertificationException(Msg.of("certification.keyring.bad-line", file.toString(), i + 1), e);
            }
        }
        if (keys.isEmpty()) {
            throw new CertificationException(Msg.of("certification.keyring.empty", file.toString()));
        }
        return keys;
    }
}
