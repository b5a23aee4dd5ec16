package campus.certification.importer;

import campus.certification.model.Question;
import campus.i18n.Msg;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import read: the questions it could convert, each one it could not (and why), and notes
 * on questions converted with a change (e.g. partial credit a single-choice question cannot keep).
 *
 * @param where "line 12" in a GIFT file, "question 3 (name)" in Moodle XML
 */
public record ImportReport(List<Question> questions, List<Entry> skipped, List<Entry> notes) {

    public record Entry(String where, Msg reason) {
    }

    public ImportReport {
        questions = List.copyOf(questions);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    static final class Builder {
        final List<Question> questions = new ArrayList<>();
        final List<Entry> skipped = new ArrayList<>();
        final List<Entry> notes = new ArrayList<>();

        void skip(String where, String key, Object... args) {
            skipped.add(new Entry(where, Msg.of(key, args)));
        }

        void note(String where, String key, Object... args) {
            notes.add(new Entry(where, Msg.of(key, args)));
        }

        ImportReport build() {
            return new ImportReport(questions, skipped, notes);
        }
    }
}
