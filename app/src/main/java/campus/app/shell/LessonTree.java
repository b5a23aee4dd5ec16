package campus.app.shell;

import campus.app.progress.ProgressModel;
import campus.app.theme.ShellStyles;
import campus.courses.Course;
import campus.courses.LessonInfo;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/**
 * The selected course and its lessons in order, a tick on each lesson done. A click or Enter opens a lesson; the
 * arrow keys only move the selection, so stepping through the tree does not load every lesson on the way.
 */
final class LessonTree extends TreeView<Object> {

    private final ShellViewModel vm;
    private final Tr tr;

    LessonTree(ShellViewModel vm, Tr tr, ProgressModel progress) {
        this.vm = vm;
        this.tr = tr;
        setId("lesson-tree");
        getStyleClass().add(ShellStyles.LESSON_TREE);
        setShowRoot(true);
        setCellFactory(v -> new TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove(ShellStyles.LESSON_DONE);
                setGraphic(null);
                if (empty || item == null) {
                    setText(null);
                } else if (item instanceof Course) {
                    setText(((Course) item).title().in(tr.lang()));
                } else {
                    LessonInfo l = (LessonInfo) item;
                    String t = l.title().in(tr.lang());
                    setText(t.isBlank() ? l.slug() : t);
                    Object course = getTreeView().getRoot() == null ? null : getTreeView().getRoot().getValue();
                    if (course instanceof Course c && progress.lessonDone(c.id(), l.slug())) {
                        Label tick = new Label("✓");
                        tick.getStyleClass().add(ShellStyles.LESSON_DONE);
                        setGraphic(tick);
                        getStyleClass().add(ShellStyles.LESSON_DONE);
                    }
                }
            }
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                openSelected();
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        vm.selectedCourseProperty().addListener((o, was, now) -> rebuild(now));
        vm.lessonProperty().addListener((o, was, now) -> selectCurrent());
        vm.langProperty().addListener((o, was, now) -> refresh());
        progress.snapshotProperty().addListener((o, was, now) -> refresh());
        progress.syllabusProperty().addListener((o, was, now) -> refresh());
        // Built after the first lesson is on screen, when a course may already be selected.
        rebuild(vm.selectedCourseProperty().get());
    }

    private void openSelected() {
        TreeItem<Object> item = getSelectionModel().getSelectedItem();
        if (item != null && item.getValue() instanceof LessonInfo && getRoot() != null) {
            vm.openLesson((Course) getRoot().getValue(), ((LessonInfo) item.getValue()).slug(), "");
        }
    }

    private void rebuild(Course c) {
        if (c == null) {
            setRoot(null);
            return;
        }
        TreeItem<Object> root = new TreeItem<>(c);
        for (LessonInfo l : c.lessons()) {
            root.getChildren().add(new TreeItem<>(l));
        }
        root.setExpanded(true);
        setRoot(root);
        selectCurrent();
    }

    private void selectCurrent() {
        OpenLesson open = vm.lessonProperty().get();
        if (open == null || getRoot() == null || !((Course) getRoot().getValue()).id().equals(open.lesson().course().id())) {
            return;
        }
        for (TreeItem<Object> item : getRoot().getChildren()) {
            if (((LessonInfo) item.getValue()).slug().equals(open.lesson().slug())) {
                getSelectionModel().select(item);
                scrollTo(Math.max(0, getRow(item) - 2));
                return;
            }
        }
    }
}
