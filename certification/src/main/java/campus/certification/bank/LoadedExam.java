package campus.certification.bank;

import java.util.Optional;

/**
 * An exam ready to sit: its blueprint and bank, the bank's content digest, and the SHA-256 of the
 * package file it came from (empty for a plain folder, e.g. a shipped practice exam).
 */
public record LoadedExam(Blueprint blueprint, QuestionBank bank, String bankSha256, Optional<String> packageSha256) {

    public String id() {
        return blueprint.id();
    }
}
