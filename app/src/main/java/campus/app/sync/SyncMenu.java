package campus.app.sync;

import campus.i18n.Lang;
import campus.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/** The Sync menu: sign in (Ctrl+Shift+S), sync now, sign out. */
public final class SyncMenu {

    public static final String SIGN_IN_ID = "menu-sign-in";
    public static final String SYNC_NOW_ID = "menu-sync-now";
    public static final String SIGN_OUT_ID = "menu-sign-out";

    private SyncMenu() {
    }

    public static Menu create(SyncViewModel vm, ObservableValue<Lang> lang, Runnable signIn, Window owner) {
        MenuItem in = item(lang, "app.sync.signInMenu", SIGN_IN_ID, signIn);
        in.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        MenuItem now = item(lang, "app.sync.syncNow", SYNC_NOW_ID, vm::syncNow);
        MenuItem out = item(lang, "app.sync.signOut", SIGN_OUT_ID, () -> vm.signOut(note -> {
            if (note != null) {
                Alert a = new Alert(Alert.AlertType.INFORMATION, note.in(lang.getValue()));
                a.initOwner(owner);
                a.setHeaderText(null);
                a.show();
            }
        }));
        Menu m = new Menu();
        m.setId("menu-sync");
        m.textProperty().bind(Bindings.createStringBinding(() -> Messages.of(lang.getValue()).get("app.menu.sync"), lang));
        m.getItems().addAll(in, now, out);
        m.setOnShowing(e -> {
            boolean signedIn = vm.signedIn();
            now.setDisable(!signedIn);
            out.setDisable(!signedIn);
        });
        return m;
    }

    private static MenuItem item(ObservableValue<Lang> lang, String key, String id, Runnable action) {
        MenuItem m = new MenuItem();
        m.setId(id);
        m.textProperty().bind(Bindings.createStringBinding(() -> Messages.of(lang.getValue()).get(key), lang));
        m.setOnAction(e -> action.run());
        return m;
    }
}
