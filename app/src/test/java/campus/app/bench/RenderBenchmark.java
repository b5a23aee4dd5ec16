package campus.app.bench;

import atlantafx.base.theme.PrimerLight;
import campus.app.render.MarkdownRenderer;
import campus.app.render.RenderHooks;
import campus.app.render.RenderedLesson;
import campus.courses.doc.LessonContext;
import campus.courses.doc.LessonDocument;
import campus.courses.doc.LessonParser;
import campus.i18n.Lang;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;

/**
 * Parse + render of a generated 10,000-word lesson, warm, on the FX thread. Prints figures, asserts none.
 *
 * <p>Headless (Monocle, as the tests run), from the repository root:
 * <pre>
 * mvn -q -B -o -pl app -am verify -Dtest=RenderBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * ({@code -Dbench.warmup=N -Dbench.runs=N} to change the counts). The class name does not match
 * Surefire's test patterns, so a plain {@code mvn verify} skips it. On a real display:
 * <pre>
 * mvn -q -B -o -pl app -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp app/target/test-classes:app/target/classes:$(cat app/target/test-classpath.txt) campus.app.bench.RenderBenchmark
 * </pre>
 * Goal (issue 2): parse + render
 * at most 50 ms warm. "CSS + layout" is separate: it is what JavaFX does before the first paint, at
 * 900 px wide, and it is the larger part of what the learner waits for.
 */
public class RenderBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    private static final int RUNS = Integer.getInteger("bench.runs", 30);

    public static void main(String[] args) throws Exception {
        new RenderBenchmark().printFigures();
        Platform.exit();
    }

    @Test
    void printFigures() throws Exception {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // Another test started the toolkit in this JVM.
        }
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
        String md = LessonGenerator.lesson(10_000, 42);
        LessonContext ctx = LessonContext.standalone("bench.md");
        RenderHooks hooks = new BenchHooks();
        LessonDocument doc = LessonParser.parse(md, ctx);
        System.out.printf(Locale.ROOT, "lesson: %d words, %d chars, %d top-level blocks%n",
                LessonGenerator.words(md), md.length(), doc.blocks().size());

        int[] nodes = onFx(() -> count(MarkdownRenderer.render(doc, hooks, Lang.EN).root(), new int[2]));
        System.out.printf(Locale.ROOT, "scene graph: %d nodes, of which %d Text runs%n", nodes[0], nodes[1]);

        double[] parse = new double[RUNS];
        double[] render = new double[RUNS];
        double[] both = new double[RUNS];
        double[] layout = new double[RUNS];
        for (int i = -WARMUP; i < RUNS; i++) {
            int k = i;
            onFx(() -> {
                long t0 = System.nanoTime();
                LessonDocument d = LessonParser.parse(md, ctx);
                long t1 = System.nanoTime();
                RenderedLesson lesson = MarkdownRenderer.render(d, hooks, Lang.EN);
                long t2 = System.nanoTime();
                StackPane sceneRoot = new StackPane(lesson.root());
                Scene scene = new Scene(sceneRoot, 900, 700);
                scene.getStylesheets().add(MarkdownRenderer.STYLESHEET);
                sceneRoot.applyCss();
                sceneRoot.layout();
                long t3 = System.nanoTime();
                RenderedLesson again = MarkdownRenderer.render(doc, hooks, Lang.EN);
                long t4 = System.nanoTime();
                if (k >= 0) {
                    parse[k] = ms(t1 - t0);
                    both[k] = ms(t2 - t0);
                    layout[k] = ms(t3 - t2);
                    render[k] = ms(t4 - t3);
                }
                return again;
            });
        }
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s%n", "warm, " + RUNS + " runs (ms)", "min", "median", "p90");
        row("parse", parse);
        row("render", render);
        row("parse + render (goal <= 50)", both);
        row("CSS + layout at 900 px", layout);
        row("total to laid out", sum(both, layout));
        cacheRead(md, ctx, doc);
        find(doc, hooks, "10,000-word lesson");
        String big = LessonGenerator.lesson(150_000, 7);
        System.out.printf(Locale.ROOT, "%nlesson: %d words, %d chars (about the 1 MB a lesson file may have)%n",
                LessonGenerator.words(big), big.length());
        find(LessonParser.parse(big, ctx), hooks, "150,000-word lesson");
    }

    /**
     * Find in lesson on a laid-out lesson, warm: a query with few matches, one with very many (a single letter), and
     * one from the middle of the view, which measures only the block there. On the FX thread, per keystroke.
     */
    private static void find(LessonDocument doc, RenderHooks hooks, String what) throws Exception {
        RenderedLesson lesson = onFx(() -> {
            RenderedLesson l = MarkdownRenderer.render(doc, hooks, Lang.EN);
            StackPane sceneRoot = new StackPane(l.root());
            Scene scene = new Scene(sceneRoot, 900, 700);
            scene.getStylesheets().add(MarkdownRenderer.STYLESHEET);
            sceneRoot.applyCss();
            sceneRoot.layout();
            return l;
        });
        double height = onFx(() -> lesson.root().getBoundsInLocal().getHeight());
        double[] few = new double[RUNS];
        double[] many = new double[RUNS];
        double[] middle = new double[RUNS];
        int[] counts = new int[3];
        for (int i = -WARMUP; i < RUNS; i++) {
            int k = i;
            onFx(() -> {
                long t0 = System.nanoTime();
                counts[0] = lesson.find().search("transaction commit", n -> n.localToScene(0, 0).getY(), 0);
                long t1 = System.nanoTime();
                counts[1] = lesson.find().search("e", n -> n.localToScene(0, 0).getY(), 0);
                long t2 = System.nanoTime();
                counts[2] = lesson.find().search("the", n -> n.localToScene(0, 0).getY(), height / 2);
                long t3 = System.nanoTime();
                lesson.find().clear();
                if (k >= 0) {
                    few[k] = ms(t1 - t0);
                    many[k] = ms(t2 - t1);
                    middle[k] = ms(t3 - t2);
                }
                return null;
            });
        }
        System.out.printf(Locale.ROOT, "find in the %s, warm, %d runs (ms)%n", what, RUNS);
        row("'transaction commit' (" + counts[0] + ")", few);
        row("'e' (" + counts[1] + " matches)", many);
        row("'the' from mid-lesson (" + counts[2] + ")", middle);
    }

    private static int[] count(Node n, int[] acc) {
        acc[0]++;
        if (n instanceof javafx.scene.text.Text) {
            acc[1]++;
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                count(c, acc);
            }
        }
        return acc;
    }

    private static double[] sum(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    private static void row(String name, double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "%-28s %8.1f %8.1f %8.1f%n", name, v[0], v[v.length / 2],
                v[(int) Math.ceil(v.length * 0.9) - 1]);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get();
    }

    /** What a shell would do, minus I/O: embeds are empty panes, images are absent (placeholders). */
    private static final class BenchHooks implements RenderHooks {
        @Override
        public void openLesson(String slug, String anchor) {
        }

        @Override
        public void scrollToAnchor(String anchor) {
        }

        @Override
        public void openWeb(String url) {
        }

        @Override
        public Node labPane(String labId) {
            return new Region();
        }

        @Override
        public Node quizPane(String quizId) {
            return new Region();
        }

        @Override
        public Optional<Image> image(String coursePath) {
            return Optional.empty();
        }
    }

    /** A lesson with the mix of a real one: sections, prose with inline markup, lists, tables, SQL, asides. */
    static final class LessonGenerator {

        private static final String[] WORDS = ("the a table row column query index join key value order group select "
                + "database learner result filter primary foreign schema constraint transaction commit null count sum "
                + "average customer product price date name returns matches each every only when then which with from "
                + "into where because before after most least first last many one two three rows columns tables")
                .split(" ");

        static String lesson(int targetWords, long seed) {
            Random r = new Random(seed);
            StringBuilder md = new StringBuilder("---\ntitle: Benchmark lesson\n---\n# Benchmark lesson\n\n");
            int section = 0;
            while (words(md) < targetWords) {
                md.append("## Section ").append(++section).append(": ").append(sentence(r, 4)).append("\n\n");
                for (int p = 0; p < 4; p++) {
                    paragraph(md, r);
                }
                switch (section % 5) {
                    case 0 -> table(md, r);
                    case 1 -> list(md, r, false);
                    case 2 -> code(md, r);
                    case 3 -> list(md, r, true);
                    default -> md.append("!!! tip\n    ").append(sentence(r, 18)).append("\n\n");
                }
                if (section % 3 == 0) {
                    md.append("### Try it\n\n");
                    paragraph(md, r);
                    code(md, r);
                    md.append("> ").append(sentence(r, 25)).append("\n\n");
                }
            }
            return md.toString();
        }

        static int words(CharSequence md) {
            String s = md.toString().trim();
            return s.isEmpty() ? 0 : s.split("\\s+").length;
        }

        private static String sentence(Random r, int n) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String w = WORDS[r.nextInt(WORDS.length)];
                sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
                sb.append(i == n - 1 ? "." : " ");
            }
            return sb.toString();
        }

        private static void paragraph(StringBuilder md, Random r) {
            int n = 55 + r.nextInt(40);
            for (int i = 0; i < n; i++) {
                String w = WORDS[r.nextInt(WORDS.length)];
                int style = r.nextInt(40);
                if (style == 0) {
                    md.append("**").append(w).append(' ').append(WORDS[r.nextInt(WORDS.length)]).append("**");
                } else if (style == 1) {
                    md.append('*').append(w).append('*');
                } else if (style == 2) {
                    md.append('`').append(w.toUpperCase(Locale.ROOT)).append('`');
                } else if (style == 3) {
                    md.append('[').append(w).append("](https://example.org/").append(w).append(')');
                } else {
                    md.append(w);
                }
                md.append(i % 12 == 11 ? ".\n" : " ");
            }
            md.append(".\n\n");
        }

        private static void list(StringBuilder md, Random r, boolean ordered) {
            for (int i = 0; i < 5; i++) {
                md.append(ordered ? (i + 1) + ". " : "- ").append(sentence(r, 12)).append('\n');
                if (i == 2) {
                    md.append(ordered ? "   " : "  ").append("- ").append(sentence(r, 8)).append('\n');
                    md.append(ordered ? "   " : "  ").append("- ").append(sentence(r, 8)).append('\n');
                }
            }
            md.append('\n');
        }

        private static void table(StringBuilder md, Random r) {
            md.append("| name | type | rows | notes |\n|:--|:--:|--:|--|\n");
            for (int i = 0; i < 6; i++) {
                md.append("| `").append(WORDS[r.nextInt(WORDS.length)]).append("` | INT | ").append(r.nextInt(1000))
                        .append(" | ").append(sentence(r, 6)).append(" |\n");
            }
            md.append('\n');
        }

        private static void code(StringBuilder md, Random r) {
            md.append("```sql\n-- ").append(sentence(r, 5)).append('\n')
                    .append("SELECT c.name, COUNT(*) AS orders, SUM(o.total) AS spent\n")
                    .append("FROM customers c\nJOIN orders o ON o.customer_id = c.id\n")
                    .append("WHERE o.created_at >= '2024-01-01' AND c.country <> 'FR'\n")
                    .append("GROUP BY c.name\nHAVING COUNT(*) > ").append(r.nextInt(9) + 1).append('\n')
                    .append("ORDER BY spent DESC\nLIMIT 10;\n```\n\n");
        }
    }


    /** The same lesson read back from the lesson cache (what a start-up reopening it does) instead of parsed. */
    private static void cacheRead(String md, LessonContext ctx, LessonDocument parsed) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("campus-bench-cache");
        java.nio.file.Path file = dir.resolve("lesson.en.md");
        campus.courses.doc.LessonCache cache = new campus.courses.doc.LessonCache(dir.resolve("cache"), Runnable::run);
        cache.parse(file, md, ctx);
        double[] read = new double[RUNS];
        for (int i = -WARMUP; i < RUNS; i++) {
            long t0 = System.nanoTime();
            LessonDocument d = cache.parse(file, md, ctx);
            long t1 = System.nanoTime();
            if (!d.equals(parsed)) {
                throw new IllegalStateException("the cache gave another document");
            }
            if (i >= 0) {
                read[i] = ms(t1 - t0);
            }
        }
        row("read from the lesson cache", read);
        System.out.printf(Locale.ROOT, "(%d hits, %d misses)%n", cache.hits(), cache.misses());
    }
}
