package campus.app.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxToolkit;

class FontWarmUpTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** The warm-up runs off the UI thread, as at start-up, and JavaFX lets it load and shape every face. */
    @ParameterizedTest
    @EnumSource(Lang.class)
    void loadsEveryFaceOffTheUiThread(Lang lang) {
        assertFalse(Platform.isFxApplicationThread());
        assertTrue(FontWarmUp.run(lang));
    }
}
