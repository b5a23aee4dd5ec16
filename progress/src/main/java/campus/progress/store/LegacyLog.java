package campus.progress.store;

import campus.i18n.Msg;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The event file earlier versions wrote ({@code <data>/events.jsonl}, one JSON object a line: id, kind, subject,
 * occurredAt, data). On the store's first open its events move into the store in file order, as this device's
 * first events; the file is then kept as {@code events.jsonl.migrated}, so nothing is lost even for a line that
 * could not be read. Moving in is idempotent by event id: a crash before the rename only repeats it.
 */
final class LegacyLog {

    static final String FILE = "events.jsonl";
    static final String KEPT = "events.jsonl.migrated";
    static final int BATCH = 2000;
    /** A move-in this large leaves a file several times the size of its data until H2 compacts it: compact it now. */
    static final int COMPACT_AFTER = 10_000;

    /** One line read back. */
    record Line(String id, String kind, String subject, Instant occurredAt, String data) { }

    private LegacyLog() {
    }

    /** Moves the old file's events into {@code store}; the notices to show, or empty when there was no file. */
    static Optional<List<Msg>> migrate(Path dataDir, ProgressStore store) throws SQLException {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<Line> lines = new ArrayList<>();
        int unreadable = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                if (s.isBlank()) {
                    continue;
                }
                Optional<Line> l = parse(s);
                if (l.isPresent()) {
                    lines.add(l.get());
                } else {
                    unreadable++;
                }
            }
        } catch (IOException e) {
            // An unreadable file stays where it is, and is tried again at the next start.
            return Optional.of(List.of(Msg.of("progress.store.legacyUnreadable", file.toString(), String.valueOf(e.getMessage()))));
        }
        // In transactions of a few thousand: one transaction of a hundred thousand rows makes H2 keep every
        // page version until the commit (a file ten times the size, and slower). Each part is idempotent by id.
        int added = 0;
        for (int from = 0; from < lines.size(); from += BATCH) {
            added += store.appendMigrated(lines.subList(from, Math.min(lines.size(), from + BATCH)));
        }
        if (added >= COMPACT_AFTER) {
            store.compact();
        }
        Path kept = dataDir.resolve(KEPT);
        for (int n = 2; Files.exists(kept); n++) {
            kept = dataDir.resolve(KEPT + "." + n);
        }
        try {
            Files.move(file, kept, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return Optional.of(List.of(Msg.of("progress.store.legacyUnreadable", file.toString(), String.valueOf(e.getMessage()))));
        }
        List<Msg> out = new ArrayList<>();
        out.add(Msg.of("progress.store.migrated", added, file.toString(), kept.toString()));
        if (unreadable > 0) {
            out.add(Msg.of("progress.store.migratedSkipped", unreadable, kept.toString()));
        }
        return Optional.of(out);
    }

    /**
     * Appends one event to the file in the old format: where events go while the store cannot take them (it could
     * not be opened, or the disk refused a write). The next start that opens the store moves them in.
     */
    static boolean append(Path dataDir, campus.progress.LearningEvent e) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", e.id().toString());
        m.put("kind", e.kind());
        m.put("subject", e.subject());
        m.put("occurredAt", e.occurredAt().toString());
        m.put("data", new java.util.TreeMap<>(e.data()));
        Path file = dataDir.resolve(FILE);
        long before = -1;
        try {
            Files.createDirectories(dataDir);
            before = Files.isRegularFile(file) ? Files.size(file) : 0;
            Files.writeString(file, EventJson.gson().toJson(m) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return true;
        } catch (IOException | RuntimeException ex) {
            // A full disk may take half a line: cut it off, or the next line appended would join it and neither be read.
            // A file this write created goes again, or the next start would say it moved 0 events from it.
            try {
                if (before == 0) {
                    Files.deleteIfExists(file);
                } else if (before > 0) {
                    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                        ch.truncate(before);
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // nothing more to do: the reader skips an unreadable line and keeps it
            }
            System.err.println("campus: could not keep " + e.kind() + " " + e.subject() + " in " + dataDir.resolve(FILE)
                    + ": " + ex.getMessage());
            return false;
        }
    }

    static Optional<Line> parse(String line) {
        try {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            String id = text(o, "id");
            String kind = text(o, "kind");
            String subject = text(o, "subject");
            String at = text(o, "occurredAt");
            if (id == null || kind == null || subject == null || at == null) {
                return Optional.empty();
            }
            JsonElement data = o.get("data");
            JsonObject d = data != null && data.isJsonObject() ? data.getAsJsonObject() : new JsonObject();
            return Optional.of(new Line(id, kind, subject, Instant.parse(at), d.toString()));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
