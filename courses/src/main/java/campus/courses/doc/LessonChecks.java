package campus.courses.doc;

import java.util.List;

/** Checks on a parsed lesson as a whole: its outline and whether it says anything at all. */
final class LessonChecks {

    private LessonChecks() {
    }

    /** @param firstContentLine the line after the front matter, where an empty lesson is reported */
    static void check(List<Block> blocks, int firstContentLine, Reporter report) {
        int previousLevel = 0;
        boolean content = false;
        for (Block b : blocks) {
            if (b instanceof Block.Heading h) {
                if (Inline.plain(h.content()).isBlank()) {
                    report.problem(h.line(), "courses.lesson.emptyHeading");
                }
                if (previousLevel > 0 && h.level() > previousLevel + 1) {
                    report.problem(h.line(), "courses.lesson.headingJump", previousLevel, h.level());
                }
                previousLevel = h.level();
            } else {
                content = true;
            }
        }
        if (!content) {
            report.problem(firstContentLine, "courses.lesson.empty");
        }
    }
}
