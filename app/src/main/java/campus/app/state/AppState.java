package campus.app.state;

import campus.i18n.Lang;
import java.util.List;

/**
 * What Campus remembers between runs: where the learner was reading, and how the window looked.
 * {@code course} and {@code lesson} are empty when nothing was open; the window bounds are
 * {@code NaN} until a window was closed once.
 *
 * @param block index of the lesson block at the top of the view (the same in both translations)
 * @param zoom  percent of the normal text size
 * @param folders content folders the learner opened from the menu, reopened at the next start
 */
public record AppState(Lang lang, boolean dark, int zoom, String course, String lesson, int block,
                       double x, double y, double width, double height, boolean maximized, List<String> folders) {

    public static final int MIN_ZOOM = 70;
    public static final int MAX_ZOOM = 250;

    public AppState {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
        block = Math.max(0, block);
        course = course == null ? "" : course;
        lesson = lesson == null ? "" : lesson;
        folders = folders == null ? List.of() : List.copyOf(folders);
    }

    public static AppState defaults() {
        return new AppState(Lang.EN, false, 100, "", "", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, List.of());
    }

    public boolean hasWindowBounds() {
        return !Double.isNaN(x) && !Double.isNaN(y) && width > 100 && height > 100;
    }

    public AppState withLang(Lang l) {
        return new AppState(l, dark, zoom, course, lesson, block, x, y, width, height, maximized, folders);
    }

    public AppState withLook(boolean isDark, int zoomPercent) {
        return new AppState(lang, isDark, zoomPercent, course, lesson, block, x, y, width, height, maximized, folders);
    }

    public AppState withReading(String courseId, String lessonSlug, int topBlock) {
        return new AppState(lang, dark, zoom, courseId, lessonSlug, topBlock, x, y, width, height, maximized, folders);
    }

    public AppState withFolders(List<String> opened) {
        return new AppState(lang, dark, zoom, course, lesson, block, x, y, width, height, maximized, opened);
    }

    public AppState withWindow(double wx, double wy, double w, double h, boolean max) {
        return new AppState(lang, dark, zoom, course, lesson, block, wx, wy, w, h, max, folders);
    }
}
