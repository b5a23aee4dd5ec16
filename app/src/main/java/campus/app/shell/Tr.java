package campus.app.shell;

import campus.i18n.Lang;
import campus.i18n.Messages;
import campus.i18n.Msg;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

/** UI strings bound to the current language, so a language switch re-labels every control. */
final class Tr {

    private final ObservableValue<Lang> lang;

    Tr(ObservableValue<Lang> lang) {
        this.lang = lang;
    }

    StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), lang);
    }

    String get(String key, Object... args) {
        return Messages.of(lang.getValue()).get(key, args);
    }

    String get(Msg msg) {
        return msg.in(lang.getValue());
    }

    Lang lang() {
        return lang.getValue();
    }

    ObservableValue<Lang> langProperty() {
        return lang;
    }
}
