package campus.certification.bank;

import campus.certification.CertificationException;
import campus.i18n.Msg;
import campus.i18n.Problem;
import java.util.List;

/** Content that cannot be used as it is; {@link #problems()} says where and why. */
public final class ContentException extends CertificationException {

    private final transient List<Problem> problems;

    public ContentException(String what, List<Problem> problems) {
        super(Msg.of("certification.content.unusable", what, problems.size(),
                problems.isEmpty() ? "" : problems.get(0).format(campus.i18n.Lang.EN)));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
