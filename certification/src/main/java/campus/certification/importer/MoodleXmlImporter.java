package campus.certification.importer;

import campus.certification.model.AnswerKey;
import campus.certification.model.OutcomeFeedback;
import campus.i18n.Lang;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads Moodle XML ({@code <quiz><question type="…">}) the way Moodle's importer does
 * ({@code question/format/xml/format.php}): categories, multichoice, truefalse, shortanswer,
 * numerical, matching and ordering, with per-answer and combined feedback, general feedback, text
 * formats and embedded files. Cloze, essay, description, calculated and other types are reported with
 * their line; so is anything a converted question leaves behind (hints, tags, units).
 */
public final class MoodleXmlImporter {

    private static final Pattern NUM = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private final Lang forced;
    private final Set<String> existingIds;

    public MoodleXmlImporter(Lang forced, Set<String> existingIds) {
        this.forced = forced;
        this.existingIds = existingIds;
    }

    public ImportReport read(String source, byte[] xml) {
        ImportReport.Builder report = new ImportReport.Builder();
        Document doc;
        try {
            doc = MoodleXml.parse(xml);
        } catch (SAXParseException e) {
            report.at(ImportReport.atLine(e.getLineNumber()));
            report.skip("certification.import.bad-xml", e.getMessage());
            return report.build();
        } catch (SAXException | IOException e) {
            report.skip("certification.import.bad-xml", String.valueOf(e.getMessage()));
            return report.build();
        }
        if (!doc.getDocumentElement().getTagName().equals("quiz")) {
            report.skip("certification.import.bad-xml", "<" + doc.getDocumentElement().getTagName() + ">");
            return report.build();
        }
        List<Integer> lines = MoodleXml.questionLines(xml);
        ImportText.Ids ids = new ImportText.Ids(existingIds);
        CategoryPath category = CategoryPath.NONE;
        NodeList questions = doc.getDocumentElement().getElementsByTagName("question");
        int number = 0;
        for (int i = 0; i < questions.getLength(); i++) {
            Element q = (Element) questions.item(i);
            int line = i < lines.size() ? lines.get(i) : 0;
            String type = q.getAttribute("type");
            if (type.equals("category")) {
                category = CategoryPath.parse(MoodleXml.value(q, "category"), forced);
                continue;
            }
            number++;
            // Moodle keeps names as plain text (PARAM_TEXT): tags go, entities are read
            String name = ImportText.entities(MoodleXml.value(q, "name").replaceAll("<[^>]*>", "")).strip();
            report.at(ImportReport.atQuestion(number, name, line));
            try {
                one(source, q, type, name, line, category, ids, report);
            } catch (RuntimeException e) {
                report.skip("certification.import.unreadable", String.valueOf(e.getMessage()));
            }
        }
        return report.build();
    }

    private void one(String source, Element q, String type, String name, int line, CategoryPath category,
                     ImportText.Ids ids, ImportReport.Builder report) {
        switch (type) {
            case "multichoice", "truefalse", "shortanswer", "numerical", "matching", "match", "ordering" -> {
            }
            case "cloze", "multianswer" -> {
                report.skip("certification.import.cloze");
                return;
            }
            case "essay", "description" -> {
                report.skip("certification.import.not-gradable", type);
                return;
            }
            default -> {
                report.skip("certification.import.unsupported-type", type);
                return;
            }
        }
        Element questionText = MoodleXml.child(q, "questiontext");
        String id = ids.next(MoodleXml.value(q, "idnumber"),
                name.isEmpty() ? ImportText.defaultName(XmlText.text(questionText)) : name, category.primary());
        XmlText texts = new XmlText(new Media("media/" + id, report));
        String format = XmlText.rawFormat(questionText);
        String prompt = texts.markdown(questionText, "html") + texts.oldImage(q);
        Lang lang = ImportText.language(forced, prompt);
        MoodleXmlTypes types = new MoodleXmlTypes(texts, format, lang, report);
        AnswerKey key = switch (type) {
            case "multichoice" -> types.multichoice(q);
            case "truefalse" -> types.trueFalse(q);
            case "shortanswer" -> types.shortAnswer(q);
            case "numerical" -> types.numerical(q);
            case "matching", "match" -> types.matching(q);
            default -> types.ordering(q);
        };
        if (key == null) {
            ids.release(id);
            return;
        }
        leftBehind(q, report);
        String explanation = texts.markdown(MoodleXml.child(q, "generalfeedback"), format);
        double points = number(MoodleXml.value(q, "defaultgrade"), 1);
        OutcomeFeedback outcome = new OutcomeFeedback(
                ImportText.text(lang, texts.markdown(MoodleXml.child(q, "correctfeedback"), format)),
                ImportText.text(lang, texts.markdown(MoodleXml.child(q, "partiallycorrectfeedback"), format)),
                ImportText.text(lang, texts.markdown(MoodleXml.child(q, "incorrectfeedback"), format)));
        report.add(ImportText.question(id, category, points <= 0 ? 1 : points, ImportText.text(lang, prompt),
                ImportText.text(lang, explanation), key, outcome, source, line), category);
    }

    /** Parts of a Moodle question Campus does not keep, each said once. */
    private static void leftBehind(Element q, ImportReport.Builder report) {
        int hints = MoodleXml.children(q, "hint").size();
        if (hints > 0) {
            report.note("certification.import.hints-dropped", hints);
        }
        List<String> tags = new ArrayList<>();
        for (String holder : List.of("tags", "coursetags")) {
            for (Element tag : MoodleXml.children(MoodleXml.child(q, holder), "tag")) {
                tags.add(XmlText.text(tag));
            }
        }
        if (!tags.isEmpty()) {
            report.note("certification.import.tags-dropped", String.join(", ", tags));
        }
    }

    static double number(String s, double fallback) {
        String t = s == null ? "" : s.strip();
        return NUM.matcher(t).matches() ? Double.parseDouble(t) : fallback;
    }

    /** Moodle's reading of yes/no fields: {@code false}, {@code 0} and empty are no. */
    static boolean yes(String s) {
        String t = s.strip();
        return !(t.isEmpty() || t.equals("false") || t.equals("0"));
    }
}
