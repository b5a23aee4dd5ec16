package campus.app.shell;

import campus.app.progress.ProgressModel;
import campus.app.theme.ShellStyles;
import campus.courses.Course;
import java.util.Optional;
import javafx.scene.control.ProgressBar;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One course in the list: title, level badge, summary, and the learner's progress in it (lessons done, as a
 * percentage and a bar).
 */
final class CourseCell extends ListCell<Course> {

    private final Tr tr;
    private final Label title = new Label();
    private final Label level = new Label();
    private final Label summary = new Label();
    private final StackPane progressSlot = new StackPane();
    private final ProgressModel progress;
    private final ProgressBar bar = new ProgressBar(0);
    private final Label percent = new Label();
    private final VBox box;

    CourseCell(Tr tr, ProgressModel progress) {
        this.tr = tr;
        this.progress = progress;
        bar.getStyleClass().add(ShellStyles.COURSE_PROGRESS);
        bar.setMaxWidth(Double.MAX_VALUE);
        percent.getStyleClass().add(ShellStyles.COURSE_PERCENT);
        percent.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox row = new HBox(8, bar, percent);
        row.setAlignment(Pos.CENTER_LEFT);
        progressSlot.getChildren().add(row);
        title.getStyleClass().add(ShellStyles.COURSE_TITLE);
        title.setWrapText(true);
        level.getStyleClass().add(ShellStyles.LEVEL_BADGE);
        level.setMinWidth(Region.USE_PREF_SIZE);
        summary.getStyleClass().add(ShellStyles.COURSE_SUMMARY);
        summary.setWrapText(true);
        progressSlot.getStyleClass().add(ShellStyles.Hook.PROGRESS_SLOT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, level);
        head.setAlignment(Pos.TOP_LEFT);
        box = new VBox(4, head, summary, progressSlot);
        box.getStyleClass().add(ShellStyles.COURSE_CELL);
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
        level.getStyleClass().removeIf(s -> s.startsWith(ShellStyles.LEVEL_PREFIX));
        level.getStyleClass().add(ShellStyles.LEVEL_PREFIX + c.level().name().toLowerCase(java.util.Locale.ROOT));
        Optional<Integer> p = progress.percent(c.id());
        progressSlot.setVisible(p.isPresent());
        progressSlot.setManaged(p.isPresent());
        bar.setProgress(p.orElse(0) / 100.0);
        percent.setText(p.map(v -> v + "%").orElse(""));
        setText(null);
        setGraphic(box);
    }
}
