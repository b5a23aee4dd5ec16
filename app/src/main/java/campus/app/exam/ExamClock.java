package campus.app.exam;

import campus.certification.attempt.AttemptStatus;
import campus.certification.attempt.ExamSession;
import campus.i18n.Msg;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The countdown of an exam sitting: once a second it reads the session's clock on the UI thread (memory
 * only), warns five minutes and one minute before the end and when the grace period starts, and sends
 * the heartbeat to the writes' worker (one at a time: a slow disk never queues up heartbeats).
 */
final class ExamClock {

    static final Duration FIRST_WARNING = Duration.ofMinutes(5);
    static final Duration LAST_WARNING = Duration.ofMinutes(1);

    private final ExamSession session;
    private final ExamWrites writes;
    private final ObjectProperty<Msg> notice;
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> pulse()));
    private final ObjectProperty<Duration> remaining = new SimpleObjectProperty<>(Duration.ZERO);
    private final ObjectProperty<Duration> graceRemaining = new SimpleObjectProperty<>(Duration.ZERO);
    private final ObjectProperty<AttemptStatus> status = new SimpleObjectProperty<>(AttemptStatus.IN_PROGRESS);
    private boolean warnedFirst;
    private boolean warnedLast;
    private final BooleanSupplier over;

    /**
     * @param notice where the warnings go (the candidate's notice line)
     * @param over   whether the exam has its outcome: no heartbeat then
     */
    ExamClock(ExamSession session, ExamWrites writes, ObjectProperty<Msg> notice, BooleanSupplier over) {
        this.session = session;
        this.writes = writes;
        this.notice = notice;
        this.over = over;
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    void start() {
        timeline.play();
    }

    void stop() {
        timeline.stop();
    }

    /** The exam is over: the clock stops at zero with the attempt's final status. */
    void finish(AttemptStatus last) {
        timeline.stop();
        status.set(last);
        remaining.set(Duration.ZERO);
    }

    /** One clock step: read the time (UI thread, memory only), heartbeat on the worker. */
    void pulse() {
        refresh();
        if (!over.getAsBoolean() && ticking.compareAndSet(false, true)) {
            writes.run(() -> {
                try {
                    session.tick();
                } finally {
                    ticking.set(false);
                }
            });
        }
    }

    void refresh() {
        Duration left = session.remaining();
        remaining.set(left);
        graceRemaining.set(session.graceRemaining());
        status.set(session.status());
        if (status.get() == AttemptStatus.IN_PROGRESS) {
            if (!warnedLast && left.compareTo(LAST_WARNING) <= 0) {
                warnedLast = true;
                warnedFirst = true;
                notice.set(Msg.of("app.exam.warning-1"));
            } else if (!warnedFirst && left.compareTo(FIRST_WARNING) <= 0) {
                warnedFirst = true;
                notice.set(Msg.of("app.exam.warning-5"));
            }
        } else if (status.get() == AttemptStatus.GRACE && notice.get() == null) {
            notice.set(Msg.of("app.exam.grace-started"));
        }
    }

    ObjectProperty<Duration> remainingProperty() {
        return remaining;
    }

    ObjectProperty<Duration> graceRemainingProperty() {
        return graceRemaining;
    }

    ObjectProperty<AttemptStatus> statusProperty() {
        return status;
    }
}
