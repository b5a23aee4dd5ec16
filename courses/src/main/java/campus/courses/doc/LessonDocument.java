package campus.courses.doc;

import campus.i18n.Problem;
import java.util.List;

/**
 * One lesson in one language, parsed once and shared by whoever needs it (renderer, validator,
 * search). {@code title} comes from the front matter, falling back to the first heading.
 * {@code problems} are things that parsed but are probably not what the author meant
 * (an unclosed code fence swallowing the rest of the lesson, a broken lesson link…).
 */
public record LessonDocument(String title, List<Block> blocks, List<Problem> problems) {

    public LessonDocument {
        blocks = List.copyOf(blocks);
        problems = List.copyOf(problems);
    }

    /** Headings in reading order: the lesson's outline, and the landmarks for keeping position. */
    public List<Block.Heading> headings() {
        return blocks.stream().filter(Block.Heading.class::isInstance).map(Block.Heading.class::cast).toList();
    }
}
