package campus.app.events;

import campus.progress.LearningEvent;
import campus.progress.LearningEventSink;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The app's one {@link LearningEventSink}: appends each event as a JSON line to {@code events.jsonl}
 * in the data folder, on its own thread, so a lab attempt never waits on the disk. It is the local
 * record of what the learner did until the progress store takes over; labs, quizzes and exams share it.
 */
public final class EventLog implements LearningEventSink, AutoCloseable {

    public static final String FILE = "events.jsonl";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private final Path file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "campus-events");
        t.setDaemon(true);
        return t;
    });

    private EventLog(Path file) {
        this.file = file;
    }

    /** A log appending to {@code <dataDir>/events.jsonl}; the folder is made on the first event. */
    public static EventLog in(Path dataDir) {
        return new EventLog(dataDir.resolve(FILE));
    }

    public Path file() {
        return file;
    }

    @Override
    public void record(LearningEvent event) {
        String line = toJson(event);
        try {
            writer.execute(() -> append(line));
        } catch (RejectedExecutionException closed) {
            System.err.println("campus: event after close not logged: " + event.kind() + " " + event.subject());
        }
    }

    static String toJson(LearningEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id().toString());
        m.put("kind", e.kind());
        m.put("subject", e.subject());
        m.put("occurredAt", e.occurredAt().toString());
        m.put("data", new java.util.TreeMap<>(e.data()));
        return GSON.toJson(m);
    }

    private void append(String line) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                w.write(line);
                w.write('\n');
            }
        } catch (IOException e) {
            System.err.println("campus: could not write " + file + ": " + e.getMessage());
        }
    }

    /** Writes what is queued (waiting briefly) and stops taking events. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
