package campus.labs.sandbox;

import campus.labs.concurrent.LabThreads;
import campus.labs.sql.GuardPolicy;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;

/**
 * The child JVM that runs one lab's {@link Sandbox} for {@link WorkerSandbox}: learner SQL runs here, with this
 * process's own heap and stack, so whatever H2 does with it (fold a gigabyte constant while preparing, loop per row
 * where it never checks for cancel, recurse past the stack) costs at worst this process, which Campus kills and starts
 * again. Requests and replies are length-prefixed JSON frames ({@link WireCodec}) on stdin and stdout; a cancel is
 * served at once by the reading thread while the statement runs on the working thread.
 */
public final class SandboxWorker {

    private SandboxWorker() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(new java.io.FileOutputStream(
                java.io.FileDescriptor.out)));
        System.setOut(new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8));
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(System.in));
        ExecutorService work = LabThreads.singleThread("lab-worker");
        Sandbox[] sandbox = {null};
        // The run a cancel names (it may come before that run starts) and the run being served now. The working thread
        // writes serving, then enters the run and reads cancelled; this thread writes cancelled, then reads serving:
        // one of them sees the other, so a cancel is never lost between the two threads.
        java.util.concurrent.atomic.AtomicLong cancelled = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong serving = new java.util.concurrent.atomic.AtomicLong();
        while (true) {
            JsonObject req;
            try {
                req = read(in);
            } catch (EOFException e) {
                break; // Campus went away or closed us
            }
            String op = req.get("op").getAsString();
            if (op.equals("cancel")) {
                long run = req.get("id").getAsLong();
                cancelled.set(run);
                Sandbox sb = sandbox[0];
                if (sb != null && serving.get() == run) {
                    sb.cancel();
                }
                continue;
            }
            if (op.equals("close")) {
                break;
            }
            long id = req.get("id").getAsLong();
            work.execute(() -> {
                JsonObject reply = new JsonObject();
                reply.addProperty("id", id);
                try {
                    if (op.equals("open")) {
                        var dataset = WireCodec.dataset(req.getAsJsonObject("dataset"));
                        Integer scale = req.has("scale") ? req.get("scale").getAsInt() : null;
                        GuardPolicy policy = GuardPolicy.valueOf(req.get("policy").getAsString());
                        SandboxLimits limits = WireCodec.limits(req.getAsJsonObject("limits"));
                        if (req.has("copy")) {
                            // a saved copy of the dataset, checked out for this worker by the process that started it
                            JsonObject c = req.getAsJsonObject("copy");
                            sandbox[0] = Sandbox.openOnCopy(dataset, scale, policy, limits, new DatasetCache.Copy(
                                    c.get("url").getAsString(), c.get("password").getAsString(),
                                    java.nio.file.Path.of(c.get("file").getAsString()), c.get("built").getAsBoolean(),
                                    java.util.Optional.empty()));
                        } else {
                            sandbox[0] = Sandbox.open(dataset, scale, policy, limits);
                        }
                    } else if (op.equals("run")) {
                        serving.set(id);
                        try {
                            reply.add("run", WireCodec.run(sandbox[0].run(req.get("sql").getAsString(),
                                    req.get("rowCap").getAsInt(), req.get("explain").getAsBoolean(),
                                    () -> req.has("cancel") || cancelled.get() == id)));
                        } finally {
                            serving.set(0);
                        }
                    } else {
                        serve(sandbox[0], op, req, reply);
                    }
                } catch (DatasetException e) {
                    reply.add("datasetError", WireCodec.msg(e.msg()));
                } catch (SQLException e) {
                    reply.addProperty("sqlError", String.valueOf(e.getMessage()));
                    if (e instanceof TrustedSqlException t) {
                        reply.add("sqlErrorMsg", WireCodec.msg(t.msg())); // said in the reader's language later
                    }
                } catch (RuntimeException e) {
                    reply.addProperty("error", e.toString());
                } catch (StackOverflowError e) {
                    reply.addProperty("error", "stack overflow");
                } catch (Throwable e) {
                    // every request gets a reply, whatever failed (out of memory exits the JVM before this)
                    reply.addProperty("error", e.toString());
                }
                write(out, reply);
            });
        }
        Sandbox sb = sandbox[0];
        if (sb != null) {
            sb.close();
        }
        System.exit(0);
    }

    private static void serve(Sandbox sb, String op, JsonObject req, JsonObject reply) throws SQLException {
        switch (op) {
            case "reset" -> sb.reset();
            case "resetLater" -> sb.resetLater();
            case "rebuildPending" -> reply.addProperty("value", sb.rebuildPending());
            case "schema" -> reply.add("schema", WireCodec.schema(sb.schema()));
            case "runTrusted" -> reply.add("run", WireCodec.run(sb.runTrusted(req.get("sql").getAsString(),
                    req.get("rowCap").getAsInt())));
            case "expectedState" -> reply.add("statements", WireCodec.statements(sb.expectedState(
                    req.get("sql").getAsString(), WireCodec.strings(req.getAsJsonArray("queries")), req.get("rowCap").getAsInt())));
            case "verify" -> reply.add("run", WireCodec.run(sb.verify(WireCodec.strings(req.getAsJsonArray("queries")),
                    req.get("rowCap").getAsInt())));
            case "ping" -> reply.addProperty("value", true);
            default -> throw new IllegalArgumentException("unknown request " + op);
        }
    }

    static JsonObject read(DataInputStream in) throws IOException {
        int n = in.readInt();
        byte[] b = new byte[n];
        in.readFully(b);
        return JsonParser.parseString(new String(b, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    static void write(DataOutputStream out, JsonObject o) {
        byte[] b = o.toString().getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            try {
                out.writeInt(b.length);
                out.write(b);
                out.flush();
            } catch (IOException e) {
                System.exit(0); // Campus is gone
            }
        }
    }
}
