package campus.courses.validate;

import campus.courses.doc.Block;
import campus.courses.doc.Inline;
import campus.courses.doc.LessonDocument;
import campus.i18n.Msg;
import campus.i18n.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Both language versions of a lesson must have the same top-level blocks: the app keeps the reading
 * place across a language switch by block number, so an extra paragraph in one version moves the
 * reader. Reported once, on the Chinese file at the first difference, naming the English line.
 * Blocks are described in Markdown terms ({@code ##}, {@code ```sql}, a paragraph's first words),
 * which read the same in both languages.
 */
final class StructureCheck {

    private static final int EXCERPT = 24;

    private StructureCheck() {
    }

    static Optional<Problem> compare(LessonDocument en, String enFile, LessonDocument zh, String zhFile) {
        List<Block> a = en.blocks();
        List<Block> b = zh.blocks();
        String enName = enFile.substring(enFile.lastIndexOf('/') + 1);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!Objects.equals(shape(a.get(i)), shape(b.get(i)))) {
                return Optional.of(new Problem(zhFile, b.get(i).line(), Msg.of("courses.validate.structureDiffers",
                        i + 1, describe(b.get(i)), describe(a.get(i)), enName, a.get(i).line())));
            }
        }
        if (b.size() > a.size()) {
            Block extra = b.get(a.size());
            return Optional.of(new Problem(zhFile, extra.line(), Msg.of("courses.validate.structureLonger",
                    a.size() + 1, describe(extra), enName, a.size())));
        }
        if (a.size() > b.size()) {
            Block missing = a.get(b.size());
            int line = b.isEmpty() ? 1 : b.get(b.size() - 1).line();
            return Optional.of(new Problem(zhFile, line, Msg.of("courses.validate.structureShorter",
                    b.size(), enName, describe(missing), missing.line())));
        }
        return Optional.empty();
    }

    /** What must match across languages: the kind of block, a heading's level, an embed's id. */
    static String shape(Block b) {
        if (b instanceof Block.Heading h) {
            return "h" + h.level();
        } else if (b instanceof Block.LabEmbed lab) {
            return "lab " + lab.labId();
        } else if (b instanceof Block.QuizEmbed quiz) {
            return "quiz " + quiz.quizId();
        } else if (b instanceof Block.Admonition ad) {
            return "admonition " + ad.kind();
        } else if (b instanceof Block.Footnotes f) {
            return "footnotes " + f.notes().size();
        }
        return b.getClass().getSimpleName();
    }

    static String describe(Block b) {
        if (b instanceof Block.Heading h) {
            return "#".repeat(h.level()) + " " + excerpt(Inline.plain(h.content()));
        } else if (b instanceof Block.Paragraph p) {
            return "\u201C" + excerpt(Inline.plain(p.content())) + "\u201D";
        } else if (b instanceof Block.BulletList) {
            return "- list";
        } else if (b instanceof Block.OrderedList) {
            return "1. list";
        } else if (b instanceof Block.BlockQuote) {
            return "> quote";
        } else if (b instanceof Block.CodeBlock c) {
            return "```" + c.language();
        } else if (b instanceof Block.Table) {
            return "| table |";
        } else if (b instanceof Block.ThematicBreak) {
            return "---";
        } else if (b instanceof Block.Admonition ad) {
            return "!!! " + ad.kind().name().toLowerCase(java.util.Locale.ROOT);
        } else if (b instanceof Block.LabEmbed lab) {
            return "```lab " + lab.labId();
        } else if (b instanceof Block.QuizEmbed quiz) {
            return "```quiz " + quiz.quizId();
        } else if (b instanceof Block.Footnotes f) {
            return "[^…]: " + f.notes().size() + " footnote(s)";
        }
        return "<html>";
    }

    private static String excerpt(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.codePointCount(0, t.length()) <= EXCERPT ? t
                : t.substring(0, t.offsetByCodePoints(0, EXCERPT)) + "\u2026";
    }
}
