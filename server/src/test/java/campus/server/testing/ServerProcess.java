package campus.server.testing;

import campus.server.cli.ServerMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The progress server in a process of its own ({@link ServerMain} on this test's class path), started as
 * {@code ./campus server} starts it, and killed the hard way: {@link #kill9()} is SIGKILL, no shutdown hook runs.
 */
public final class ServerProcess implements AutoCloseable {

    private static final String LISTENING = "Campus server listening on ";

    private final Process process;
    private final String url;
    private final StringBuffer output;

    private ServerProcess(Process process, String url, StringBuffer output) {
        this.process = process;
        this.url = url;
        this.output = output;
    }

    /** Starts {@code campus server --port 0 --data DIR [args…]} and waits for its listening line. */
    public static ServerProcess start(Path dataDir, String... args) throws IOException, InterruptedException, TimeoutException {
        return start(List.of("-Xmx384m"), dataDir, args);
    }

    /** The same with these JVM options (heap size, say). */
    public static ServerProcess start(List<String> jvm, Path dataDir, String... args)
            throws IOException, InterruptedException, TimeoutException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerMain.class.getName(),
                "--port", "0", "--data", dataDir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.append(line).append('\n');
                    if (line.startsWith(LISTENING)) {
                        listening.complete(line.substring(LISTENING.length()).trim());
                    }
                }
            } catch (IOException ignored) {
                // The process is gone; its output so far is kept.
            }
            listening.complete(null);
        }, "server-process-output");
        reader.setDaemon(true);
        reader.start();
        String url;
        try {
            url = listening.get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e);
        } catch (TimeoutException e) {
            p.destroyForcibly();
            throw new TimeoutException("the server did not start in 90 s:\n" + output);
        }
        if (url == null) {
            throw new IOException("the server exited with " + p.waitFor() + ":\n" + output);
        }
        return new ServerProcess(p, url, output);
    }

    public String url() {
        return url;
    }

    public int port() {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    public long pid() {
        return process.pid();
    }

    /** What the process printed so far, standard output and error together. */
    public String output() {
        return output.toString();
    }

    /** SIGKILL, as {@code kill -9}: the server gets no chance to finish anything. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill9();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
