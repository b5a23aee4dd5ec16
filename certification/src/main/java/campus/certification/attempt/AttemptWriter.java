package campus.certification.attempt;

import campus.certification.CertificationException;
import campus.i18n.Msg;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Saves an attempt: a numbered snapshot taken under the session's lock, written outside it. A snapshot older than
 * one already written is skipped, so two writers racing can never put an older state over a newer one.
 */
final class AttemptWriter {

    /** The attempt as encoded at one checkpoint. */
    record Checkpoint(byte[] payload, long sequence) {
    }

    private final Attempt a;
    private final AttemptStore store;
    private final Object ioLock = new Object();
    /** Guarded by {@code ioLock}. */
    private long lastWrittenSequence = -1;

    AttemptWriter(Attempt a, AttemptStore store) {
        this.a = a;
        this.store = store;
    }

    /** Numbers and encodes the attempt as of {@code at}. The caller holds the session's lock. */
    Checkpoint checkpoint(Instant at) {
        a.checkpointAt = at;
        a.sequence++;
        return new Checkpoint(AttemptCodec.encode(a), a.sequence);
    }

    /** Writes the attempt file, unless a later checkpoint is already written. */
    void save(Checkpoint c) {
        synchronized (ioLock) {
            if (c.sequence() <= lastWrittenSequence) {
                return;
            }
            try {
                store.save(c.payload(), a.attemptId);
                lastWrittenSequence = c.sequence();
            } catch (IOException e) {
                throw saveFailed(e);
            }
        }
    }

    /** Writes the signed record of a finished attempt; returns its file. */
    Path saveRecord(Checkpoint c) {
        try {
            return store.saveRecord(c.payload(), a.attemptId);
        } catch (IOException e) {
            throw saveFailed(e);
        }
    }

    Path recordFile() {
        return store.recordFile(a.attemptId);
    }

    private static CertificationException saveFailed(IOException e) {
        return new CertificationException(Msg.of("certification.attempt.save-failed", String.valueOf(e.getMessage())), e);
    }
}
