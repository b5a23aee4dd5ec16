package campus.labs;

import campus.i18n.Msg;
import campus.i18n.Problem;
import campus.i18n.content.ContentScan;
import campus.labs.dataset.DatasetLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every lab under one or more content roots ({@code <root>/<course>/<NN-lesson>/labs/<id>.json}), plus the
 * datasets they can use and the problems found while reading. Roots may be folders inside a zip or jar
 * file system: only {@link Path} APIs are used.
 */
public final class LabCatalog {

    private final Map<String, Lab> labs;
    private final List<Problem> problems;
    private final DatasetLibrary datasets;

    private LabCatalog(Map<String, Lab> labs, List<Problem> problems, DatasetLibrary datasets) {
        this.labs = labs;
        this.problems = problems;
        this.datasets = datasets;
    }

    public static LabCatalog scan(List<Path> contentRoots) {
        return scan(ContentScan.of(contentRoots));
    }

    /** The labs of roots already walked, so the lab, quiz and dataset catalogues share one walk. */
    public static LabCatalog scan(ContentScan content) {
        Map<String, Lab> labs = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        DatasetLibrary datasets = DatasetLibrary.of(content);
        for (ContentScan.Root root : content.roots()) {
            if (!root.exists()) {
                problems.add(new Problem(root.path().toString(), 0, Msg.of("labs.catalog.noRoot")));
                continue;
            }
            root.failure().ifPresent(e -> problems.add(new Problem(root.path().toString(), 0,
                    Msg.of("labs.spec.unreadable", String.valueOf(e.getMessage())))));
            for (Path json : root.labs()) {
                Path lessonDir = json.getParent().getParent();
                String lesson = lessonDir.getFileName().toString();
                String course = lessonDir.getParent().getFileName().toString();
                Optional<Lab> lab = LabReader.read(json, course, lesson, problems);
                if (lab.isEmpty()) {
                    continue;
                }
                Lab l = lab.get();
                Lab earlier = labs.get(l.id());
                if (earlier != null) {
                    problems.add(new Problem(json.toString(), 0, Msg.of("labs.catalog.duplicateId", l.id(), earlier.file().toString())));
                    continue;
                }
                if (datasets.find(l.dataset()).isEmpty()) {
                    problems.add(new Problem(json.toString(), LabReader.lineOf(json, "dataset"),
                            Msg.of("labs.spec.unknownDataset", l.dataset(), String.join(", ", datasets.names()))));
                    continue;
                }
                labs.put(l.id(), l);
            }
        }
        problems.sort(Problem.ORDER);
        return new LabCatalog(labs, problems, datasets);
    }

    public List<Lab> labs() {
        return List.copyOf(labs.values());
    }

    public Optional<Lab> find(String id) {
        return Optional.ofNullable(labs.get(id));
    }

    /** Malformed or unusable lab files, sorted by path and line. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public DatasetLibrary datasets() {
        return datasets;
    }
}
