package campus.app.sync;

import campus.i18n.Lang;
import campus.i18n.Messages;
import campus.i18n.Msg;
import campus.progress.sync.SyncState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Signing in to a progress server: its address, the user name and the password. The sign-in runs on the sync's
 * thread; the dialog stays open, says "signing in…", and shows the reason if it fails (wrong password, server
 * unreachable), so nothing typed is lost. Campus works the same without it: signing in only adds syncing.
 */
public final class SignInDialog {

    public static final String SERVER_ID = "sign-in-server";
    public static final String USER_ID = "sign-in-user";
    public static final String PASSWORD_ID = "sign-in-password";
    public static final String MESSAGE_ID = "sign-in-message";
    public static final String BUTTON_ID = "sign-in-button";

    private SignInDialog() {
    }

    public static Dialog<ButtonType> create(Window owner, SyncViewModel vm, ObservableValue<Lang> lang) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.initModality(Modality.WINDOW_MODAL);
        d.titleProperty().bind(tr(lang, "app.sync.dialog.title"));
        d.headerTextProperty().bind(tr(lang, "app.sync.dialog.header"));
        ButtonType signIn = new ButtonType("", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(signIn, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(signIn);
        ok.setId(BUTTON_ID);
        ok.textProperty().bind(tr(lang, "app.sync.signIn"));

        SyncState last = vm.stateProperty().get();
        TextField server = new TextField(last.server() == null ? "" : last.server());
        server.setId(SERVER_ID);
        server.setPromptText("http://192.168.1.10:8080");
        server.setPrefColumnCount(24);
        TextField user = new TextField(last.user() == null ? "" : last.user());
        user.setId(USER_ID);
        PasswordField password = new PasswordField();
        password.setId(PASSWORD_ID);
        Label message = new Label();
        message.setId(MESSAGE_ID);
        message.setWrapText(true);
        message.setMaxWidth(420);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, label(lang, "app.sync.dialog.server"), server);
        grid.addRow(1, label(lang, "app.sync.dialog.user"), user);
        grid.addRow(2, label(lang, "app.sync.dialog.password"), password);
        grid.add(message, 0, 3, 2, 1);
        d.getDialogPane().setContent(grid);
        ok.disableProperty().bind(server.textProperty().isEmpty().or(user.textProperty().isEmpty())
                .or(password.textProperty().isEmpty()));

        boolean[] busy = {false};
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open until the server has answered
            if (busy[0]) {
                return;
            }
            busy[0] = true;
            grid.setDisable(true);
            message.getStyleClass().remove(atlantafx.base.theme.Styles.DANGER);
            message.setText(Messages.of(lang.getValue()).get("app.sync.dialog.signingIn"));
            vm.signIn(server.getText().trim(), user.getText().trim(), password.getText(), failure -> {
                busy[0] = false;
                grid.setDisable(false);
                if (failure == null) {
                    d.setResult(ButtonType.OK);
                    d.close();
                } else {
                    show(message, failure, lang);
                    password.requestFocus();
                    password.selectAll();
                }
            });
        });
        d.setOnShown(e -> (server.getText().isEmpty() ? server : user.getText().isEmpty() ? user : password).requestFocus());
        return d;
    }

    private static void show(Label message, Msg failure, ObservableValue<Lang> lang) {
        message.setText(failure.in(lang.getValue()));
        message.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
    }

    private static Label label(ObservableValue<Lang> lang, String key) {
        Label l = new Label();
        l.textProperty().bind(tr(lang, key));
        return l;
    }

    private static StringBinding tr(ObservableValue<Lang> lang, String key) {
        return Bindings.createStringBinding(() -> Messages.of(lang.getValue()).get(key), lang);
    }
}
