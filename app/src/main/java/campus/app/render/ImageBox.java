package campus.app.render;

import campus.app.theme.MdStyles;
import javafx.geometry.Orientation;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A lesson image as wide as the column allows but never wider than its natural size, keeping its
 * aspect ratio. The image may still be loading in the background: the box sizes itself when it
 * arrives, and shows the alt text in a placeholder when there is no image or it fails to load.
 */
final class ImageBox extends Region {

    private final Image image;
    private final String placeholderText;
    private ImageView view;
    private TextFlow placeholder;

    ImageBox(Image image, String alt, String placeholderText) {
        this.image = image;
        this.placeholderText = placeholderText;
        getStyleClass().add(MdStyles.IMAGE);
        setAccessibleText(alt);
        if (image == null || image.isError()) {
            showPlaceholder();
        } else {
            view = new ImageView(image);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            getChildren().add(view);
            image.errorProperty().addListener((o, was, failed) -> {
                if (failed) {
                    showPlaceholder();
                }
            });
            // Loaded in the background: the natural size is known only when the image arrives.
            image.widthProperty().addListener((o, a, b) -> requestParentLayoutAndSelf());
        }
    }

    boolean isPlaceholder() {
        return placeholder != null;
    }

    private void showPlaceholder() {
        if (placeholder != null) {
            return;
        }
        getChildren().clear();
        view = null;
        getStyleClass().add(MdStyles.IMAGE_MISSING);
        Text text = new Text(placeholderText);
        text.getStyleClass().add(MdStyles.TEXT);
        placeholder = new TextFlow(text);
        getChildren().add(placeholder);
        requestParentLayoutAndSelf();
    }

    private void requestParentLayoutAndSelf() {
        requestLayout();
        if (getParent() != null) {
            getParent().requestLayout();
        }
    }

    private double naturalWidth() {
        return view == null ? 0 : image.getWidth();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = placeholder != null ? placeholder.prefWidth(-1) : naturalWidth();
        return snappedLeftInset() + w + snappedRightInset();
    }

    @Override
    protected double computeMaxWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        double insetsW = snappedLeftInset() + snappedRightInset();
        double insetsH = snappedTopInset() + snappedBottomInset();
        if (placeholder != null) {
            double w = width < 0 ? placeholder.prefWidth(-1) : width - insetsW;
            return insetsH + placeholder.prefHeight(w);
        }
        double nw = naturalWidth();
        if (nw <= 0) {
            return insetsH;
        }
        double w = width < 0 ? nw : Math.min(nw, width - insetsW);
        return insetsH + w * image.getHeight() / nw;
    }

    /** Never squashed: a column shorter than its content scrolls, it does not shrink a figure. */
    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        if (placeholder != null) {
            placeholder.resizeRelocate(x, y, w, h);
        } else if (view != null) {
            view.setFitWidth(Math.min(w, naturalWidth()));
            view.relocate(x, y);
        }
    }
}
