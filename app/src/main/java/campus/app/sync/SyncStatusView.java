package campus.app.sync;

import atlantafx.base.theme.Styles;
import campus.i18n.Lang;
import campus.progress.sync.SyncState;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The sync's part of the status bar, always there: "not signed in", "syncing…", "offline · 3 queued",
 * "error: …", "last synced at 14:05". A click signs in when signed out and syncs now otherwise.
 */
public final class SyncStatusView {

    public static final String ID = "sync-status";

    private SyncStatusView() {
    }

    public static Label create(SyncViewModel vm, ObservableValue<Lang> lang, Runnable signIn) {
        Label l = new Label();
        l.setId(ID);
        l.setCursor(Cursor.HAND);
        l.textProperty().bind(Bindings.createStringBinding(
                () -> vm.stateProperty().get().text(lang.getValue(), ZoneId.systemDefault()), vm.stateProperty(), lang));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(
                () -> vm.stateProperty().get().detail(lang.getValue()), vm.stateProperty(), lang));
        l.setTooltip(tip);
        mark(l, vm.stateProperty().get());
        vm.stateProperty().addListener((o, was, now) -> mark(l, now));
        l.setOnMouseClicked(e -> {
            if (vm.signedIn()) {
                vm.syncNow();
            } else {
                signIn.run();
            }
        });
        return l;
    }

    private static void mark(Label l, SyncState s) {
        l.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.SUCCESS);
        if (s.phase() == SyncState.Phase.ERROR) {
            l.getStyleClass().add(Styles.DANGER);
        } else if (s.phase() == SyncState.Phase.OFFLINE || s.clockOff()) {
            l.getStyleClass().add(Styles.WARNING);
        }
    }
}
