package campus.app.render;

import campus.courses.doc.Block;
import campus.i18n.Lang;
import campus.i18n.Messages;

/** The words the renderer itself puts on screen, in the lesson's UI language. */
final class RenderStrings {

    private final Messages messages;

    RenderStrings(Lang lang) {
        this.messages = Messages.of(lang);
    }

    String copy() {
        return messages.get("app.render.copy");
    }

    String copied() {
        return messages.get("app.render.copied");
    }

    String copyCode() {
        return messages.get("app.render.copyCode");
    }

    String selectAll() {
        return messages.get("app.render.selectAll");
    }

    String admonitionTitle(Block.AdmonitionKind kind) {
        switch (kind) {
            case TIP:
                return messages.get("app.render.admonition.tip");
            case WARNING:
                return messages.get("app.render.admonition.warning");
            default:
                return messages.get("app.render.admonition.note");
        }
    }

    String imageMissing(String alt) {
        return messages.get("app.render.imageMissing", alt);
    }

    String brokenLink(String target) {
        return messages.get("app.render.brokenLink", target);
    }

    /** The mark a footnote reference shows: its number in brackets. */
    String footnoteMark(int number) {
        return "[" + number + "]";
    }

    String footnoteGo(int number) {
        return messages.get("app.render.footnoteGo", number);
    }

    String footnoteBack(int number) {
        return messages.get("app.render.footnoteBack", number);
    }

    String taskOpen() {
        return messages.get("app.render.taskOpen");
    }

    String taskDone() {
        return messages.get("app.render.taskDone");
    }

    String rawHtml() {
        return messages.get("app.render.rawHtml");
    }
}
