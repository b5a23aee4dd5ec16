package campus.labs.dataset;

import campus.i18n.Msg;

/**
 * Hears how far opening a lab's dataset has got: what is happening (a message for the learner) and the fraction done,
 * from 0 to 1, or {@link #UNKNOWN} while no fraction can be told. Called on the thread that opens the dataset, never
 * the UI thread; a listener that updates a display hands the values over itself.
 */
@FunctionalInterface
public interface LoadProgress {

    double UNKNOWN = -1;

    LoadProgress NONE = (what, fraction) -> { };

    void update(Msg what, double fraction);
}
