package campus.labs.importer;

import campus.i18n.Msg;
import java.util.List;

/**
 * What {@code dataset import} did: the dataset script, one line per table with its row count (counted by
 * loading the script into a scratch database), every skip and rewrite with its reason, and errors.
 */
public record ImportReport(String script, List<Msg> lines, List<Msg> errors) {

    public ImportReport {
        lines = List.copyOf(lines);
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
