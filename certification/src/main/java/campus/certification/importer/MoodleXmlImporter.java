package campus.certification.importer;

import campus.certification.model.AnswerKey;
import campus.certification.model.AnswerKey.Accepted;
import campus.certification.model.Scoring;
import campus.i18n.Lang;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads Moodle XML ({@code <quiz><question type="...">}): categories, multichoice (single and
 * multiple, fractions), truefalse, shortanswer, numerical with tolerance, matching, and the ordering
 * plugin. Cloze, essay, description and the other types are reported as not importable.
 * DOCTYPEs are refused, so a file cannot make the parser read other files or the network.
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
            doc = parser().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            report.skip("line " + e.getLineNumber(), "certification.import.bad-xml", e.getMessage());
            return report.build();
        } catch (SAXException | IOException e) {
            report.skip("file", "certification.import.bad-xml", String.valueOf(e.getMessage()));
            return report.build();
        }
        ImportText.Ids ids = new ImportText.Ids(existingIds);
        String category = "";
        NodeList questions = doc.getDocumentElement().getElementsByTagName("question");
        int number = 0;
        for (int i = 0; i < questions.getLength(); i++) {
            Element q = (Element) questions.item(i);
            String type = q.getAttribute("type");
            if (type.equals("category")) {
                category = text(child(q, "category"));
                continue;
            }
            number++;
            String name = text(child(q, "name"));
            String where = "question " + number + (name.isEmpty() ? "" : " (" + name + ")");
            try {
                one(source, q, type, name, where, category, ids, report);
            } catch (RuntimeException e) {
                report.skip(where, "certification.import.unreadable", String.valueOf(e.getMessage()));
            }
        }
        return report.build();
    }

    private void one(String source, Element q, String type, String name, String where, String category,
                     ImportText.Ids ids, ImportReport.Builder report) {
        switch (type) {
            case "multichoice", "truefalse", "shortanswer", "numerical", "matching", "ordering" -> {
            }
            case "cloze", "multianswer" -> {
                report.skip(where, "certification.import.cloze");
                return;
            }
            case "essay", "description" -> {
                report.skip(where, "certification.import.not-gradable", type);
                return;
            }
            default -> {
                report.skip(where, "certification.import.unsupported-type", type);
                return;
            }
        }
        String prompt = formatted(child(q, "questiontext"));
        Lang lang = ImportText.language(forced, prompt);
        String explanation = formatted(child(q, "generalfeedback"));
        String topic = ImportText.topic(category);
        double points = number(text(child(q, "defaultgrade")), 1);
        AnswerKey key = switch (type) {
            case "multichoice" -> multichoice(q, lang, where, report);
            case "truefalse" -> trueFalse(q, where, report);
            case "shortanswer" -> shortAnswer(q, where, report);
            case "numerical" -> numerical(q, where, report);
            case "matching" -> matching(q, lang, where, report);
            default -> ordering(q, lang, where, report);
        };
        if (key == null) {
            return;
        }
        report.questions.add(ImportText.question(ids.next(name, topic), topic, points <= 0 ? 1 : points,
                ImportText.text(lang, prompt), ImportText.text(lang, explanation), key, source, 0));
    }

    private AnswerKey multichoice(Element q, Lang lang, String where, ImportReport.Builder report) {
        String single = text(child(q, "single")).toLowerCase(Locale.ROOT);
        boolean isSingle = single.isEmpty() || single.equals("true") || single.equals("1");
        boolean shuffle = !text(child(q, "shuffleanswers")).matches("(?i)0|false");
        List<AnswerKey.Option> options = new ArrayList<>();
        int full = 0;
        for (Element a : children(q, "answer")) {
            double w = number(a.getAttribute("fraction"), 0) / 100;
            full += w >= 0.999 ? 1 : 0;
            String id = String.valueOf((char) ('a' + options.size()));
            options.add(new AnswerKey.Option(id, ImportText.text(lang, formatted(a)), w > 0, Math.max(-1, Math.min(1, w))));
        }
        if (options.stream().noneMatch(AnswerKey.Option::correct)) {
            report.skip(where, "certification.import.no-correct", "multichoice");
            return null;
        }
        if (isSingle) {
            if (full != 1) {
                report.skip(where, "certification.import.no-correct", "multichoice");
                return null;
            }
            if (options.stream().anyMatch(o -> o.weight() > 0 && o.weight() < 0.999)) {
                report.note(where, "certification.import.partial-dropped");
            }
            return new AnswerKey.ChoiceKey(options.stream().map(o -> new AnswerKey.Option(o.id(), o.text(),
                    o.weight() >= 0.999, 0)).toList(), false, Scoring.ALL_OR_NOTHING, shuffle);
        }
        return new AnswerKey.ChoiceKey(options, true, Scoring.WEIGHTED, shuffle);
    }

    private AnswerKey trueFalse(Element q, String where, ImportReport.Builder report) {
        for (Element a : children(q, "answer")) {
            if (number(a.getAttribute("fraction"), 0) >= 99.9) {
                String t = text(a).toLowerCase(Locale.ROOT);
                if (t.equals("true") || t.equals("false")) {
                    return new AnswerKey.TrueFalseKey(t.equals("true"));
                }
            }
        }
        report.skip(where, "certification.import.no-correct", "truefalse");
        return null;
    }

    private AnswerKey shortAnswer(Element q, String where, ImportReport.Builder report) {
        boolean caseSensitive = text(child(q, "usecase")).equals("1");
        List<Accepted> accepted = new ArrayList<>();
        for (Element a : children(q, "answer")) {
            double credit = number(a.getAttribute("fraction"), 0) / 100;
            String t = ImportText.entities(text(a));
            if (credit <= 0) {
                continue;
            }
            if (t.contains("*")) {
                report.note(where, "certification.import.wildcard-dropped", t);
                continue;
            }
            accepted.add(new Accepted.TextAnswer(t, Math.min(1, credit)));
        }
        if (accepted.stream().noneMatch(a -> a.credit() >= 0.999)) {
            report.skip(where, "certification.import.no-correct", "shortanswer");
            return null;
        }
        return new AnswerKey.FillInKey(accepted, caseSensitive);
    }

    private AnswerKey numerical(Element q, String where, ImportReport.Builder report) {
        List<Accepted> accepted = new ArrayList<>();
        for (Element a : children(q, "answer")) {
            double credit = number(a.getAttribute("fraction"), 0) / 100;
            String v = text(a).strip();
            if (credit <= 0 || v.equals("*")) {
                continue;
            }
            if (!NUM.matcher(v).matches()) {
                report.skip(where, "certification.import.bad-number", v);
                return null;
            }
            double tol = Math.abs(number(text(child(a, "tolerance")), 0));
            accepted.add(new Accepted.NumberAnswer(Double.parseDouble(v), tol, Math.min(1, credit)));
        }
        if (accepted.stream().noneMatch(a -> a.credit() >= 0.999)) {
            report.skip(where, "certification.import.no-correct", "numerical");
            return null;
        }
        return new AnswerKey.FillInKey(accepted, false);
    }

    private AnswerKey matching(Element q, Lang lang, String where, ImportReport.Builder report) {
        List<String[]> leftRight = new ArrayList<>();
        for (Element s : children(q, "subquestion")) {
            leftRight.add(new String[] {formatted(s), text(child(s, "answer"))});
        }
        return ImportText.matching(leftRight, lang, where, report);
    }

    private AnswerKey ordering(Element q, Lang lang, String where, ImportReport.Builder report) {
        List<AnswerKey.Item> items = new ArrayList<>();
        for (Element a : children(q, "answer")) {
            items.add(new AnswerKey.Item("i" + (items.size() + 1), ImportText.text(lang, formatted(a))));
        }
        if (items.size() < 2) {
            report.skip(where, "certification.import.too-few", "ordering");
            return null;
        }
        return new AnswerKey.OrderingKey(items, Scoring.ALL_OR_NOTHING);
    }

    /** The {@code <text>} of an element, converted from HTML when its {@code format} says so. */
    private static String formatted(Element e) {
        if (e == null) {
            return "";
        }
        String t = text(e);
        String format = e.getAttribute("format");
        return format.isEmpty() || format.equals("html") ? ImportText.htmlToMarkdown(t) : t.strip();
    }

    /** The element's own {@code <text>} child (CDATA included), or its direct text. */
    private static String text(Element e) {
        if (e == null) {
            return "";
        }
        Element t = child(e, "text");
        return (t != null ? t.getTextContent() : e.getTextContent()).strip();
    }

    private static Element child(Element e, String name) {
        if (e == null) {
            return null;
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    private static double number(String s, double fallback) {
        String t = s == null ? "" : s.strip();
        return NUM.matcher(t).matches() ? Double.parseDouble(t) : fallback;
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setCoalescing(true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

}
