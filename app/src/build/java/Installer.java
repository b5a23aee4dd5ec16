import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Build step of the {@code installer} profile (app/pom.xml, run as a single-file source program):
 * the JDK's own jlink and jpackage turn the app jar and its class path into an installer.
 *
 * <ol>
 *   <li>JavaFX's platform jars from Maven Central are modules with their native libraries inside.
 *       The libraries are taken out (into the runtime's library folder, where JavaFX finds them
 *       without unpacking them into the user's home) and the rest becomes jlink input.</li>
 *   <li>jlink: a runtime with only the JDK modules the app needs, plus JavaFX. The modules left out are
 *       written to {@code installer/runtime-modules.txt}.</li>
 *   <li>jpackage: an app image, launcher {@code Campus} running {@code campus.app.Main} with the options of
 *       app/jvm.options; the other jars stay plain jars on the class path.</li>
 *   <li>Training run (AppCDS): the image's own launcher starts the app to its first lesson and runs
 *       {@code validate}, listing every class it loads; the list ships in the image. Java 17 ties a class
 *       archive to the absolute paths of the jars it was made from, so the archive itself is written where
 *       the app is installed: the Linux packages' post-install script makes it from this list (a few
 *       seconds), and it is removed with the package. Here the archive is made once from the image to
 *       check that the list is usable, then deleted.</li>
 *   <li>jpackage again: the installer(s) of this platform from the image: .deb (and .rpm where rpmbuild
 *       exists) on Linux, .msi on Windows, .dmg on macOS.</li>
 * </ol>
 *
 * Arguments: {@code key=value} pairs, see {@link #main}.
 */
public final class Installer {

    static final String NAME = "Campus";
    static final String PACKAGE = "campus";
    static final String ARCHIVE = "campus.jsa";
    static final String CLASS_LIST = "campus.classlist";

    private final Map<String, String> opt;
    private final Path target;
    private final Path work;
    private final Path out;
    private final Path src;
    private final String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);

    Installer(Map<String, String> opt) {
        this.opt = opt;
        this.target = Path.of(opt.get("target"));
        this.work = target.resolve("installer-work");
        this.out = target.resolve("installer");
        this.src = Path.of(opt.get("resources"));
    }

    /**
     * target=app/target, jar=the app jar, classpath=runtime-classpath.txt, jvmOptions=app/jvm.options,
     * resources=app/src/installer, version=project version, appVersion=installer version (optional; default:
     * the project version without its -SNAPSHOT-like suffix), modules=comma-separated JDK modules,
     * types=installer types (optional; default: this platform's).
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected key=value, got " + a);
            }
            opt.put(a.substring(0, eq), a.substring(eq + 1).trim());
        }
        new Installer(opt).run();
    }

    boolean linux() {
        return os.contains("linux");
    }

    boolean windows() {
        return os.contains("win");
    }

    boolean mac() {
        return os.contains("mac");
    }

    String appVersion() {
        String v = opt.getOrDefault("appVersion", "");
        if (v.isEmpty() || v.startsWith("${")) {
            v = opt.get("version").replaceFirst("-.*$", "");
        }
        if (!v.matches("\\d+(\\.\\d+){0,2}")) {
            throw new IllegalArgumentException("installer version must be 1 to 3 numbers (e.g. 0.1.2), not " + v);
        }
        return v;
    }

    void run() throws Exception {
        long t0 = System.nanoTime();
        delete(work);
        delete(out);
        Files.createDirectories(work);
        Files.createDirectories(out);

        List<Path> classPath = new ArrayList<>();
        classPath.add(Path.of(opt.get("jar")));
        for (String p : Files.readString(Path.of(opt.get("classpath"))).trim().split(File.pathSeparator)) {
            if (!p.isBlank()) {
                classPath.add(Path.of(p));
            }
        }

        // 1. JavaFX modules without their native libraries; the other jars as the app's input.
        Path fxMods = Files.createDirectories(work.resolve("javafx-modules"));
        Path natives = Files.createDirectories(work.resolve("javafx-natives"));
        Path input = Files.createDirectories(work.resolve("input"));
        List<String> fxModules = new ArrayList<>();
        for (Path jar : classPath) {
            String name = jar.getFileName().toString();
            if (name.startsWith("javafx-")) {
                try (JarFile jf = new JarFile(jar.toFile())) {
                    if (jf.getEntry("module-info.class") != null) {   // the platform jar; the other one is empty
                        fxModules.add(splitFx(jf, fxMods.resolve(name), natives));
                    }
                }
            } else {
                Files.copy(jar, input.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        if (fxModules.isEmpty()) {
            throw new IllegalStateException("no JavaFX platform jar on the class path");
        }

        // 2. The runtime.
        Path runtime = work.resolve("runtime");
        Set<String> modules = new LinkedHashSet<>();
        for (String m : opt.get("modules").split("[,\\s]+")) {
            if (!m.isBlank()) {
                modules.add(m);
            }
        }
        modules.addAll(fxModules);
        String jmods = Path.of(System.getProperty("java.home"), "jmods").toString();
        List<String> jlink = new ArrayList<>(List.of(tool("jlink"),
                "--module-path", jmods + File.pathSeparator + fxMods,
                "--add-modules", String.join(",", modules),
                "--include-locales", "en,zh",
                // not --strip-native-commands: the lab worker runs learner SQL in a child JVM started with bin/java
                "--strip-debug", "--no-header-files", "--no-man-pages",
                "--output", runtime.toString()));
        if (!linux()) {
            // Where no install-time archive is made, the JDK's own default archive at least.
            jlink.add("--generate-cds-archive");
        }
        exec(jlink, Map.of(), 300);
        Path libDir = runtime.resolve(windows() ? "bin" : "lib");
        try (Stream<Path> s = Files.list(natives)) {
            for (Path n : (Iterable<Path>) s::iterator) {
                Files.copy(n, libDir.resolve(n.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        writeModuleReport(runtime, jmods);

        // 3. The app image.
        Path images = work.resolve("image");
        List<String> image = new ArrayList<>(List.of(tool("jpackage"), "--type", "app-image",
                "--name", NAME, "--app-version", appVersion(),
                "--vendor", "Campus", "--copyright", "Campus authors",
                "--description", "Learn databases offline: bilingual courses, SQL labs, quizzes and exams",
                "--input", input.toString(),
                "--main-jar", Path.of(opt.get("jar")).getFileName().toString(),
                "--main-class", "campus.app.Main",
                "--runtime-image", runtime.toString(),
                "--icon", src.resolve("icon").resolve(windows() ? "campus.ico" : mac() ? "campus.icns" : "campus.png").toString(),
                "--dest", images.toString()));
        for (String o : javaOptions()) {
            image.add("--java-options");
            image.add(o);
        }
        exec(image, Map.of(), 300);
        Path app = images.resolve(mac() ? NAME + ".app" : NAME);
        Path launcher = mac() ? app.resolve("Contents/MacOS/" + NAME)
                : windows() ? app.resolve(NAME + ".exe") : app.resolve("bin").resolve(NAME);
        Path appDir = mac() ? app.resolve("Contents/app") : windows() ? app.resolve("app") : app.resolve("lib/app");

        // 4. Training run: the class list, and a check that an archive made from it is accepted.
        train(launcher, appDir);

        // 5. The installers.
        for (String type : types()) {
            List<String> pkg = new ArrayList<>(List.of(tool("jpackage"), "--type", type,
                    "--app-image", app.toString(),
                    "--name", NAME, "--app-version", appVersion(),
                    "--vendor", "Campus", "--copyright", "Campus authors",
                    "--description", "Learn databases offline: bilingual courses, SQL labs, quizzes and exams",
                    "--license-file", src.resolve("LICENSE.txt").toString(),
                    "--file-associations", fileAssociations().toString(),
                    "--dest", out.toString()));
            if (type.equals("deb") || type.equals("rpm")) {
                pkg.addAll(List.of("--linux-package-name", PACKAGE,
                        "--linux-shortcut", "--linux-menu-group", "Education;Database;",
                        "--linux-app-category", type.equals("deb") ? "education" : "Applications/Education",
                        "--resource-dir", src.resolve("linux").toString(),
                        "--icon", src.resolve("icon/campus.png").toString()));
                if (type.equals("deb")) {
                    pkg.addAll(List.of("--linux-deb-maintainer", "campus@localhost",
                            // GTK for JavaFX's windows, a font with Chinese glyphs for the Chinese lessons: WenQuanYi
                            // Micro Hei or Zen Hei (TrueType). Not fonts-noto-cjk: with it alone JavaFX shows boxes
                            // (README, "What you need").
                            "--linux-package-deps", "libgtk-3-0, fonts-wqy-microhei | fonts-wqy-zenhei"));
                }
            } else if (type.equals("msi")) {
                pkg.addAll(List.of("--win-menu", "--win-menu-group", NAME, "--win-shortcut",
                        "--win-dir-chooser", "--win-upgrade-uuid", "4f0c8a52-8d8e-4b7e-9b3c-2f6f1c0d5a11"));
            } else if (type.equals("dmg")) {
                pkg.addAll(List.of("--mac-package-name", NAME));
            }
            exec(pkg, Map.of(), 600);
        }
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                System.out.printf("[installer] %s (%.1f MB)%n", target.getParent().relativize(p),
                        Files.size(p) / 1e6);
            }
        }
        System.out.printf("[installer] done in %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
    }

    /**
     * jpackage's file association for exam packages: {@code campus-exam.properties} with its icon made absolute, and
     * this platform's kind of icon. On Linux the menu entry ({@code linux/Campus.desktop}, jpackage's template
     * plus {@code %f}) hands the double-clicked file to the launcher.
     */
    Path fileAssociations() throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(src.resolve("campus-exam.properties"))) {
            p.load(in);
        }
        String icon = p.getProperty("icon");
        if (icon != null) {
            String kind = windows() ? ".ico" : mac() ? ".icns" : ".png";
            p.setProperty("icon", src.resolve(icon.replaceFirst("\\.png$", kind)).toAbsolutePath().toString());
        }
        Files.createDirectories(work);
        Path file = work.resolve("campus-exam.properties");
        try (var w = Files.newBufferedWriter(file)) {
            p.store(w, "made by Installer from " + src.resolve("campus-exam.properties"));
        }
        return file;
    }

    List<String> types() {
        String t = opt.getOrDefault("types", "");
        if (!t.isEmpty() && !t.startsWith("${")) {
            return List.of(t.split("[,\\s]+"));
        }
        if (windows()) {
            return List.of("msi");
        }
        if (mac()) {
            return List.of("dmg");
        }
        List<String> types = new ArrayList<>(List.of("deb"));
        if (onPath("rpmbuild")) {
            types.add("rpm");
        }
        return types;
    }

    /** app/jvm.options, UTF-8, and on Linux the class archive the package's post-install script makes. */
    List<String> javaOptions() throws IOException {
        List<String> o = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(opt.get("jvmOptions")))) {
            String l = line.trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                o.add(l);
            }
        }
        o.add("-Dfile.encoding=UTF-8");
        if (linux()) {
            // Until the archive exists (or if the JVM refuses it) the app starts without it, silently.
            o.add("-XX:SharedArchiveFile=$APPDIR/" + ARCHIVE);
            o.add("-Xlog:cds=off");
            o.add("-Xlog:cds+dynamic=off");
        }
        return o;
    }

    void train(Path launcher, Path appDir) throws Exception {
        Path data = Files.createDirectories(work.resolve("training-data"));
        Path guiList = work.resolve("training-app.classlist");
        Path cliList = work.resolve("training-validate.classlist");
        List<String> gui = new ArrayList<>(List.of(launcher.toString(), "--data", data.toString()));
        if (linux() && System.getenv("DISPLAY") == null) {
            if (onPath("xvfb-run")) {
                gui.addAll(0, List.of("xvfb-run", "-a", "-s", "-screen 0 1400x900x24"));
            } else {
                gui = null;
                System.out.println("[installer] WARNING: no DISPLAY and no xvfb-run: the class list covers the "
                        + "command-line tools only, the window's classes will load at each start");
            }
        }
        if (gui != null) {
            // The app exits by itself once the whole first lesson is laid out (campus.bench.* properties).
            exec(gui, Map.of("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + guiList
                    + " -Dcampus.bench.firstPaint=true -Dcampus.bench.trace=true"), 180);
        }
        // validate grades every SQL reference of the shipped content: over 300 s on 2 cores under a load of 24.
        exec(List.of(launcher.toString(), "validate"),
                Map.of("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + cliList), 900);
        Path list = appDir.resolve(CLASS_LIST);
        int classes = mergeClassLists(gui != null ? List.of(guiList, cliList) : List.of(cliList), list);

        if (linux()) {
            // The post-install script's command, here on the image: dump, then require the archive.
            Path archive = appDir.resolve(ARCHIVE);
            exec(List.of(launcher.toString()), Map.of("JAVA_TOOL_OPTIONS",
                    "-Xshare:dump -XX:SharedClassListFile=" + list + " -Xlog:cds=error"), 300);
            long size = Files.size(archive);
            exec(List.of(launcher.toString(), "help"), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"), 60);
            Files.delete(archive);
            System.out.printf("[installer] class list: %d classes; archive from it %.1f MB (made at install)%n",
                    classes, size / 1e6);
        } else {
            System.out.printf("[installer] class list: %d classes (no install-time archive on this platform)%n", classes);
        }
    }

    /**
     * Joins class lists of several runs: each class once, numbered anew (the ids of a list are its own);
     * lines for classes of other class loaders (with a "source:") are left out, as the dump ignores them.
     * Malformed lines are left out too: JDK 17 writes the list from several threads without a lock, and under
     * load two lines sometimes come out interleaved (one line holding two, the rest of one alone, NUL bytes),
     * which -Xshare:dump refuses with "class list format error".
     */
    static int mergeClassLists(List<Path> lists, Path into) throws IOException {
        Set<String> classes = new LinkedHashSet<>();
        Set<String> other = new LinkedHashSet<>();
        for (Path l : lists) {
            for (String line : new String(Files.readAllBytes(l), StandardCharsets.ISO_8859_1).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!line.matches("[\\x20-\\x7e]+") || line.indexOf('@', 1) >= 0) {
                    continue;
                }
                if (line.startsWith("@lambda-proxy ")) {
                    if (line.split(" ").length == 10) {
                        other.add(line);
                    }
                } else if (line.startsWith("@")) {
                    other.add(line);
                } else if (line.matches("[^ ]+( id: \\d+)?")) {
                    classes.add(line.replaceFirst(" id: \\d+$", ""));
                }
            }
        }
        List<String> lines = new ArrayList<>();
        int id = 0;
        for (String c : classes) {
            lines.add(c + " id: " + id++);
        }
        lines.addAll(other);
        Files.write(into, lines, StandardCharsets.UTF_8);
        return classes.size();
    }

    /** Copies a JavaFX platform jar without its native libraries, which go to natives; returns the module name. */
    static String splitFx(JarFile jar, Path to, Path natives) throws IOException {
        String module = null;
        try (OutputStream os = Files.newOutputStream(to); JarOutputStream jos = new JarOutputStream(os)) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String n = entry.getName();
                try (InputStream in = jar.getInputStream(entry)) {
                    if (!n.contains("/") && (n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib"))) {
                        Files.copy(in, natives.resolve(n), StandardCopyOption.REPLACE_EXISTING);
                        continue;
                    }
                    jos.putNextEntry(new JarEntry(n));
                    in.transferTo(jos);
                    jos.closeEntry();
                }
            }
        }
        // javafx-controls-21.0.5-linux.jar holds the module javafx.controls
        String[] parts = to.getFileName().toString().split("-");
        module = parts[0] + "." + parts[1];
        return module;
    }

    /** runtime-modules.txt: what the runtime holds and which of this JDK's modules it leaves out. */
    void writeModuleReport(Path runtime, String jmods) throws IOException {
        Set<String> kept = new TreeSet<>();
        for (String l : Files.readAllLines(runtime.resolve("release"), StandardCharsets.UTF_8)) {
            if (l.startsWith("MODULES=")) {
                kept.addAll(List.of(l.substring(8).replace("\"", "").trim().split("\\s+")));
            }
        }
        Set<String> all = new TreeSet<>();
        try (Stream<Path> s = Files.list(Path.of(jmods))) {
            s.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".jmod"))
                    .forEach(f -> all.add(f.substring(0, f.length() - 5)));
        }
        all.removeAll(kept);
        List<String> lines = new ArrayList<>();
        lines.add("# Modules in the runtime (" + kept.size() + ")");
        lines.addAll(kept);
        lines.add("");
        lines.add("# Modules of the JDK (" + System.getProperty("java.version") + ") that jlink left out (" + all.size() + ")");
        lines.addAll(all);
        Files.write(out.resolve("runtime-modules.txt"), lines, StandardCharsets.UTF_8);
        System.out.println("[installer] runtime: " + kept.size() + " modules, " + all.size()
                + " JDK modules left out (installer/runtime-modules.txt), " + (sizeOf(runtime) / 1_000_000) + " MB");
    }

    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    String tool(String name) {
        Path p = Path.of(System.getProperty("java.home"), "bin", windows() ? name + ".exe" : name);
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException(name + " not found in " + p.getParent() + " (a full JDK 17+ is needed)");
        }
        return p.toString();
    }

    static boolean onPath(String cmd) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, cmd))) {
                return true;
            }
        }
        return false;
    }

    void exec(List<String> cmd, Map<String, String> env, int timeoutSeconds) throws Exception {
        System.out.println("[installer] " + cmd.stream().map(a -> a.contains(" ") ? "'" + a + "'" : a)
                .collect(Collectors.joining(" ")) + (env.isEmpty() ? "" : "   " + env));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + cmd.get(0));
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + ": " + String.join(" ", cmd));
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
