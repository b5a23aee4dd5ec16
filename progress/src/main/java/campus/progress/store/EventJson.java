package campus.progress.store;

import campus.progress.LearningEvent;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.TreeMap;

/** The one mapping of an event's payload to JSON text, as the event log has always written it. */
final class EventJson {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private EventJson() {
    }

    static Gson gson() {
        return GSON;
    }

    static String data(LearningEvent e) {
        return GSON.toJson(new TreeMap<>(e.data()));
    }
}
