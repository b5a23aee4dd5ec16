package campus.certification.bank;

import java.util.Locale;

/** The same exam can be sat as an unproctored practice run or as a proctored certification. */
public enum ExamMode {
    PRACTICE, CERTIFICATION;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
