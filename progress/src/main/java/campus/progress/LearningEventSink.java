package campus.progress;

/**
 * Where domain modules report what a learner did. Labs and exams call it; the app decides where
 * events go (the local progress store, later the sync outbox). Implementations must not block
 * the caller for long: the caller may be a worker thread finishing an attempt.
 */
@FunctionalInterface
public interface LearningEventSink {

    LearningEventSink NONE = event -> { };

    void record(LearningEvent event);
}
