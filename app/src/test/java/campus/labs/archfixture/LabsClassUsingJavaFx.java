package campus.labs.archfixture;

/** A deliberate violation (a "labs" class touching JavaFX) that ArchitectureTest must catch. */
public final class LabsClassUsingJavaFx {

    public Object node() {
        return new javafx.scene.control.Label("not allowed outside app");
    }
}
