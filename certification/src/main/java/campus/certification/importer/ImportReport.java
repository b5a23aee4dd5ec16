package campus.certification.importer;

import campus.certification.model.Question;
import campus.i18n.Msg;
import campus.i18n.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import read: the questions it could convert, each one it could not (and why), notes on
 * what a converted question lost or how it changed, the media files the questions embed, and the
 * topics the category paths became (with their names as written, for {@code exam.json}).
 *
 * @param media  files to write beside the questions, by path relative to the bank folder
 * @param topics topic id → its name in the source language
 */
public record ImportReport(List<Question> questions, List<Entry> skipped, List<Entry> notes, List<MediaFile> media,
                           Map<String, Text> topics) {

    /** @param where "line 12" in a GIFT file, "question 3 (name)" in Moodle XML */
    public record Entry(Msg where, Msg reason) {
    }

    /** @param path relative to the bank folder, e.g. {@code media/greeting/bonjour.mp3} */
    public record MediaFile(String path, byte[] bytes) {
    }

    public ImportReport {
        questions = List.copyOf(questions);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
        media = List.copyOf(media);
        topics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topics));
    }

    static Msg atLine(int line) {
        return Msg.of("certification.import.at-line", line);
    }

    static Msg atQuestion(int number, String name, int line) {
        return name.isEmpty() ? Msg.of("certification.import.at-question", number, line)
                : Msg.of("certification.import.at-question-named", number, name, line);
    }

    static final class Builder {
        final List<Question> questions = new ArrayList<>();
        final List<Entry> skipped = new ArrayList<>();
        final List<Entry> notes = new ArrayList<>();
        final List<MediaFile> media = new ArrayList<>();
        final Map<String, Text> topics = new LinkedHashMap<>();
        /** Notes and files of the question being read, kept only if the question is. */
        private final List<Entry> pendingNotes = new ArrayList<>();
        private final List<MediaFile> pendingMedia = new ArrayList<>();
        /** Notes that also explain a refusal of the question being read, should it be refused. */
        private final List<Msg> pendingCauses = new ArrayList<>();
        private Msg where = Msg.of("certification.import.at-file");

        /** Where the next entries are: the question being read. */
        void at(Msg where) {
            this.where = where;
            clearPending();
        }

        void skip(String key, Object... args) {
            Msg reason = Msg.of(key, args);
            for (Msg cause : pendingCauses) {
                reason = Msg.of("certification.import.refused-because", reason, cause);
            }
            skipped.add(new Entry(where, reason));
            clearPending();
        }

        void note(String key, Object... args) {
            pendingNotes.add(new Entry(where, Msg.of(key, args)));
        }

        /** A note on the question being read that, if the question is refused, also says why. */
        void cause(String key, Object... args) {
            note(key, args);
            pendingCauses.add(Msg.of(key, args));
        }

        void media(String path, byte[] bytes) {
            pendingMedia.add(new MediaFile(path, bytes));
        }

        void add(Question q, CategoryPath category) {
            questions.add(q);
            notes.addAll(pendingNotes);
            media.addAll(pendingMedia);
            clearPending();
            category.names().forEach(topics::putIfAbsent);
        }

        private void clearPending() {
            pendingNotes.clear();
            pendingMedia.clear();
            pendingCauses.clear();
        }

        ImportReport build() {
            return new ImportReport(questions, skipped, notes, media, topics);
        }
    }
}
