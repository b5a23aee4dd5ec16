package campus.app.quiz;

import campus.app.theme.QuizStyles;
import campus.certification.attempt.PresentedQuestion;
import campus.certification.attempt.PresentedQuestion.Part;
import campus.certification.model.Response;
import campus.i18n.Lang;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The controls that answer one presented question, for every question type; lesson quizzes and the
 * exam both use it. It shows a response and reads one back, and knows nothing about grading.
 */
public final class QuestionInput {

    private final PresentedQuestion q;
    private final Lang lang;
    private final VBox root = new VBox(8);
    private Supplier<Optional<Response>> reader = Optional::empty;
    private Runnable onChange = () -> { };
    private boolean textual;

    public QuestionInput(PresentedQuestion q, Lang lang, Optional<Response> initial, SqlInput.Factory sql) {
        this.q = q;
        this.lang = lang;
        root.getStyleClass().addAll(QuizStyles.Hook.INPUT, QuizStyles.Hook.INPUT_TYPE_PREFIX + q.typeCode());
        switch (q.typeCode()) {
            case "single":
                single(initial);
                break;
            case "multiple":
                multiple(initial);
                break;
            case "true-false":
                trueFalse(initial);
                break;
            case "fill-in":
                fillIn(initial);
                break;
            case "matching":
                matching(initial);
                break;
            case "ordering":
                ordering(initial);
                break;
            default:
                sql(initial, sql);
                break;
        }
    }

    public Node node() {
        return root;
    }

    /** The response the controls show now; empty while nothing is chosen or typed. */
    public Optional<Response> response() {
        return reader.get();
    }

    /** Called after every change the learner makes. */
    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** True for typed answers (fill-in, SQL), which a screen saves after a pause rather than per key. */
    public boolean textual() {
        return textual;
    }

    public void setEditable(boolean editable) {
        root.setDisable(!editable);
    }

    private void single(Optional<Response> initial) {
        ToggleGroup group = new ToggleGroup();
        List<String> chosen = chosen(initial);
        for (Part p : q.parts()) {
            RadioButton b = new RadioButton(p.text().in(lang));
            b.setMnemonicParsing(false); // content: "customer_id" must keep its underscore
            b.setWrapText(true);
            b.setUserData(p.id());
            b.setToggleGroup(group);
            b.getStyleClass().add(QuizStyles.OPTION);
            b.setSelected(chosen.contains(p.id()));
            root.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> onChange.run());
        reader = () -> Optional.ofNullable(group.getSelectedToggle())
                .map(t -> Response.Choice.of((String) t.getUserData()));
    }

    private void multiple(Optional<Response> initial) {
        List<String> chosen = chosen(initial);
        List<CheckBox> boxes = new ArrayList<>();
        root.getChildren().add(Ui.label(Ui.t(lang, "app.quiz.choose-all"), QuizStyles.HINT));
        for (Part p : q.parts()) {
            CheckBox b = new CheckBox(p.text().in(lang));
            b.setMnemonicParsing(false);
            b.setWrapText(true);
            b.setUserData(p.id());
            b.getStyleClass().add(QuizStyles.OPTION);
            b.setSelected(chosen.contains(p.id()));
            b.selectedProperty().addListener((o, was, now) -> onChange.run());
            boxes.add(b);
            root.getChildren().add(b);
        }
        reader = () -> {
            List<String> ids = boxes.stream().filter(CheckBox::isSelected).map(b -> (String) b.getUserData()).toList();
            return ids.isEmpty() ? Optional.empty() : Optional.of(new Response.Choice(ids));
        };
    }

    private void trueFalse(Optional<Response> initial) {
        ToggleGroup group = new ToggleGroup();
        for (boolean value : new boolean[] {true, false}) {
            RadioButton b = new RadioButton(Ui.t(lang, value ? "app.quiz.true" : "app.quiz.false"));
            b.setUserData(value);
            b.setToggleGroup(group);
            b.getStyleClass().add(QuizStyles.OPTION);
            b.setSelected(initial.filter(r -> r instanceof Response.TrueFalse tf && tf.value() == value).isPresent());
            root.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> onChange.run());
        reader = () -> Optional.ofNullable(group.getSelectedToggle())
                .map(t -> new Response.TrueFalse((Boolean) t.getUserData()));
    }

    private void fillIn(Optional<Response> initial) {
        textual = true;
        TextField field = new TextField(initial.filter(r -> r instanceof Response.FillIn)
                .map(r -> ((Response.FillIn) r).text()).orElse(""));
        field.setPromptText(Ui.t(lang, "app.quiz.type-answer"));
        field.getStyleClass().add(QuizStyles.Hook.FILL_IN);
        field.setMaxWidth(420);
        field.textProperty().addListener((o, was, now) -> onChange.run());
        root.getChildren().add(field);
        reader = () -> field.getText().isBlank() ? Optional.empty() : Optional.of(new Response.FillIn(field.getText()));
    }

    private void matching(Optional<Response> initial) {
        Map<String, String> given = initial.filter(r -> r instanceof Response.Matching)
                .map(r -> ((Response.Matching) r).matches()).orElse(Map.of());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.getStyleClass().add(QuizStyles.Hook.MATCHING);
        Map<String, ComboBox<Part>> boxes = new LinkedHashMap<>();
        int row = 0;
        for (Part left : q.left()) {
            Label l = Ui.label(left.text().in(lang), QuizStyles.Hook.MATCHING_LEFT);
            ComboBox<Part> box = new ComboBox<>(FXCollections.observableArrayList(q.parts()));
            box.setPromptText(Ui.t(lang, "app.quiz.choose-match"));
            box.setCellFactory(v -> partCell());
            box.setButtonCell(partCell());
            box.setMaxWidth(Double.MAX_VALUE);
            box.getStyleClass().add(QuizStyles.Hook.MATCHING_CHOICE);
            q.parts().stream().filter(p -> p.id().equals(given.get(left.id()))).findFirst().ifPresent(box::setValue);
            box.valueProperty().addListener((o, was, now) -> onChange.run());
            boxes.put(left.id(), box);
            grid.addRow(row++, l, new Label("→"), box);
            GridPane.setHgrow(box, Priority.ALWAYS);
        }
        root.getChildren().add(grid);
        reader = () -> {
            Map<String, String> m = new LinkedHashMap<>();
            boxes.forEach((left, box) -> {
                if (box.getValue() != null) {
                    m.put(left, box.getValue().id());
                }
            });
            return m.isEmpty() ? Optional.empty() : Optional.of(new Response.Matching(m));
        };
    }

    private ListCell<Part> partCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Part item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text().in(lang));
            }
        };
    }

    private void ordering(Optional<Response> initial) {
        ObservableList<Part> items = FXCollections.observableArrayList(q.parts());
        initial.filter(r -> r instanceof Response.Ordering).ifPresent(r -> {
            List<String> ids = ((Response.Ordering) r).itemIds();
            items.sort(java.util.Comparator.comparingInt(p -> ids.indexOf(p.id()) < 0 ? Integer.MAX_VALUE : ids.indexOf(p.id())));
        });
        root.getChildren().add(Ui.label(Ui.t(lang, "app.quiz.order-hint"), QuizStyles.HINT));
        VBox list = new VBox(4);
        list.getStyleClass().add(QuizStyles.Hook.ORDERING);
        Runnable[] redraw = new Runnable[1];
        redraw[0] = () -> {
            list.getChildren().clear();
            for (int i = 0; i < items.size(); i++) {
                int at = i;
                Label text = Ui.label((i + 1) + ". " + items.get(i).text().in(lang), QuizStyles.Hook.ORDERING_TEXT);
                HBox.setHgrow(text, Priority.ALWAYS);
                text.setMaxWidth(Double.MAX_VALUE);
                Button up = Ui.button("↑", () -> move(items, at, -1, redraw[0]), QuizStyles.Hook.ORDERING_UP);
                Button down = Ui.button("↓", () -> move(items, at, 1, redraw[0]), QuizStyles.Hook.ORDERING_DOWN);
                up.setDisable(i == 0);
                down.setDisable(i == items.size() - 1);
                HBox row = new HBox(6, text, up, down);
                row.getStyleClass().add(QuizStyles.ORDERING_ITEM);
                list.getChildren().add(row);
            }
        };
        redraw[0].run();
        root.getChildren().add(list);
        reader = () -> Optional.of(new Response.Ordering(items.stream().map(Part::id).toList()));
    }

    private void move(ObservableList<Part> items, int at, int by, Runnable redraw) {
        int to = at + by;
        if (to < 0 || to >= items.size()) {
            return;
        }
        Part p = items.remove(at);
        items.add(to, p);
        redraw.run();
        onChange.run();
    }

    private void sql(Optional<Response> initial, SqlInput.Factory factory) {
        textual = true;
        SqlInput input = factory.create();
        initial.filter(r -> r instanceof Response.Sql).ifPresent(r -> input.setText(((Response.Sql) r).sql()));
        input.setOnChange(() -> onChange.run());
        root.getChildren().add(input.node());
        reader = () -> input.text().isBlank() ? Optional.empty() : Optional.of(new Response.Sql(input.text()));
    }

    private static List<String> chosen(Optional<Response> r) {
        return r.filter(x -> x instanceof Response.Choice).map(x -> ((Response.Choice) x).optionIds()).orElse(List.of());
    }
}
