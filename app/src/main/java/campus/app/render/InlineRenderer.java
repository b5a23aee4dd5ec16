package campus.app.render;

import campus.app.theme.MdStyles;
import campus.courses.doc.Inline;
import campus.courses.doc.LinkTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;

/**
 * Inline content → runs of {@link Text} in a {@link SelectableFlow}. Adjacent text with the same
 * styling becomes one {@code Text} node, never one per word, so a long lesson stays a few thousand nodes.
 */
final class InlineRenderer {

    private static final String[] NONE = new String[0];

    private final RenderHooks hooks;
    private final RenderStrings strings;
    private final Map<String, Node> anchors;

    private SelectableFlow flow;
    private final StringBuilder pending = new StringBuilder();
    private String[] pendingClasses = NONE;
    private Inline.Link pendingLink;

    InlineRenderer(RenderHooks hooks, RenderStrings strings, Map<String, Node> anchors) {
        this.hooks = hooks;
        this.strings = strings;
        this.anchors = anchors;
    }

    void render(List<Inline> content, SelectableFlow target) {
        flow = target;
        inlines(content, NONE, null);
        flush();
        flow = null;
    }

    private void inlines(List<Inline> content, String[] classes, Inline.Link link) {
        for (Inline in : content) {
            inline(in, classes, link);
        }
    }

    private void inline(Inline in, String[] classes, Inline.Link link) {
        if (in instanceof Inline.Text t) {
            emit(t.text(), classes, link);
        } else if (in instanceof Inline.Emphasis e) {
            inlines(e.content(), with(classes, MdStyles.EM), link);
        } else if (in instanceof Inline.Strong s) {
            inlines(s.content(), with(classes, MdStyles.STRONG), link);
        } else if (in instanceof Inline.Strikethrough s) {
            inlines(s.content(), with(classes, MdStyles.STRIKE), link);
        } else if (in instanceof Inline.Code c) {
            emit(c.code(), with(classes, MdStyles.CODE_INLINE), link);
        } else if (in instanceof Inline.Break b) {
            emit(b.hard() ? "\n" : " ", classes, link);
        } else if (in instanceof Inline.Link l) {
            String[] linkClasses = with(classes, l.target() instanceof LinkTarget.Broken ? MdStyles.LINK_BROKEN : MdStyles.LINK);
            inlines(l.content(), linkClasses, l);
        } else if (in instanceof Inline.Image i) {
            flush();
            flow.addNode(image(i), i.alt());
        } else if (in instanceof Inline.RawHtml h) {
            emit(h.html(), with(classes, MdStyles.RAW_HTML), link);
        } else if (in instanceof Inline.FootnoteRef f) {
            footnoteRef(f, classes);
        }
    }

    /**
     * {@code [^label]} → its number, small and raised like a printed footnote mark; a click goes to the
     * note. The first reference is the anchor the note's back link returns to.
     */
    private void footnoteRef(Inline.FootnoteRef f, String[] classes) {
        flush();
        Text t = flow.addText(strings.footnoteMark(f.number()), with(with(classes, MdStyles.LINK), MdStyles.FOOTNOTE_REF));
        t.setId("fnref-" + f.label());
        Tooltip.install(t, new Tooltip(strings.footnoteGo(f.number())));
        anchors.putIfAbsent(Inline.FootnoteRef.refAnchor(f.label()), flow);
        t.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1 && e.isStillSincePress()) {
                hooks.scrollToAnchor(Inline.FootnoteRef.noteAnchor(f.label()));
                e.consume();
            }
        });
    }

    /** An image node: loaded through the hooks, or a placeholder naming the alt text when it is not there. */
    ImageBox image(Inline.Image i) {
        Optional<Image> img = i.resolved().isEmpty() ? Optional.empty() : hooks.image(i.resolved());
        String label = i.alt().isBlank() ? i.source() : i.alt();
        ImageBox box = new ImageBox(img.orElse(null), i.alt(), strings.imageMissing(label));
        if (!i.title().isBlank()) {
            Tooltip.install(box, new Tooltip(i.title()));
        }
        return box;
    }

    private void emit(String text, String[] classes, Inline.Link link) {
        if (text.isEmpty()) {
            return;
        }
        if (pending.length() > 0 && (link != pendingLink || !Arrays.equals(classes, pendingClasses))) {
            flush();
        }
        pending.append(text);
        pendingClasses = classes;
        pendingLink = link;
    }

    private void flush() {
        if (pending.length() == 0) {
            return;
        }
        Text t = flow.addText(pending.toString(), pendingClasses);
        if (pendingLink != null) {
            wireLink(t, pendingLink);
        }
        pending.setLength(0);
        pendingClasses = NONE;
        pendingLink = null;
    }

    private void wireLink(Text t, Inline.Link link) {
        LinkTarget target = link.target();
        if (target instanceof LinkTarget.Broken b) {
            Tooltip.install(t, new Tooltip(strings.brokenLink(b.raw())));
            return;
        }
        if (!link.title().isBlank()) {
            Tooltip.install(t, new Tooltip(link.title()));
        }
        t.setOnMouseClicked(e -> {
            // A drag that selects text across a link must not follow it.
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1 && e.isStillSincePress()) {
                follow(target);
                e.consume();
            }
        });
    }

    void follow(LinkTarget target) {
        if (target instanceof LinkTarget.Lesson l) {
            hooks.openLesson(l.lessonSlug(), l.anchor());
        } else if (target instanceof LinkTarget.Anchor a) {
            hooks.scrollToAnchor(a.anchor());
        } else if (target instanceof LinkTarget.Web w) {
            hooks.openWeb(w.url());
        }
    }

    private static String[] with(String[] classes, String added) {
        for (String c : classes) {
            if (c.equals(added)) {
                return classes;
            }
        }
        List<String> out = new ArrayList<>(Arrays.asList(classes));
        out.add(added);
        return out.toArray(NONE);
    }
}
