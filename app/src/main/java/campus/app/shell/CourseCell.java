package campus.app.shell;

import campus.courses.Course;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One course in the list: title, level badge, summary, and an empty slot where learning progress
 * goes once progress is tracked.
 */
final class CourseCell extends ListCell<Course> {

    private final Tr tr;
    private final Label title = new Label();
    private final Label level = new Label();
    private final Label summary = new Label();
    private final StackPane progressSlot = new StackPane();
    private final VBox box;

    CourseCell(Tr tr) {
        this.tr = tr;
        title.getStyleClass().add(Css.COURSE_TITLE);
        title.setWrapText(true);
        level.getStyleClass().add(Css.LEVEL_BADGE);
        level.setMinWidth(Region.USE_PREF_SIZE);
        summary.getStyleClass().add(Css.COURSE_SUMMARY);
        summary.setWrapText(true);
        progressSlot.getStyleClass().add(Css.PROGRESS_SLOT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, level);
        head.setAlignment(Pos.TOP_LEFT);
        box = new VBox(4, head, summary, progressSlot);
        box.getStyleClass().add(Css.COURSE_CELL);
        // Wrapped labels need a width to wrap at: the list's, minus padding and scroll bar.
        setPrefWidth(0);
        listViewProperty().addListener((o, was, now) -> {
            if (now != null) {
                summary.prefWidthProperty().bind(now.widthProperty().subtract(44));
                title.prefWidthProperty().bind(now.widthProperty().subtract(140));
            }
        });
        summary.setMinHeight(Region.USE_PREF_SIZE);
        title.setMinHeight(Region.USE_PREF_SIZE);
    }

    @Override
    protected void updateItem(Course c, boolean empty) {
        super.updateItem(c, empty);
        if (empty || c == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        title.setText(c.title().in(tr.lang()));
        summary.setText(c.summary().in(tr.lang()));
        level.setText(tr.get(c.level().key()));
        level.getStyleClass().removeIf(s -> s.startsWith(Css.LEVEL_PREFIX));
        level.getStyleClass().add(Css.LEVEL_PREFIX + c.level().name().toLowerCase(java.util.Locale.ROOT));
        setText(null);
        setGraphic(box);
    }
}
