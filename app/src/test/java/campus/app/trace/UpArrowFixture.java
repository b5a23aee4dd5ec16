package campus.app.trace;

/**
 * Not part of the app: a class in the lowest layer's package that uses the composition root at the top,
 * the arrow up that {@code AppPackagesTest} must refuse.
 */
public final class UpArrowFixture {

    private UpArrowFixture() {
    }

    public static Object parts(campus.app.CampusParts p) {
        return p;
    }
}
