package campus.server.testing;

import campus.progress.sync.protocol.Accounts.Invitation;
import campus.progress.sync.protocol.Accounts.InviteRequest;
import campus.progress.sync.protocol.Accounts.LoginRequest;
import campus.progress.sync.protocol.Accounts.Session;
import campus.progress.sync.protocol.Accounts.SignupRequest;
import campus.progress.sync.protocol.ApiError;
import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PullRequest;
import campus.progress.sync.protocol.PullResponse;
import campus.progress.sync.protocol.PushRequest;
import campus.progress.sync.protocol.PushResponse;
import campus.progress.sync.protocol.WireEvent;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * A plain client of the sync protocol over real HTTP ({@link HttpURLConnection}, as the app's sync client
 * uses), for tests and the load run. The server's tests run with {@code http.keepAlive=false} (see its pom):
 * every request is a connection of its own, which a fault proxy treats anew. It sends exactly what it is given and hands back every answer, errors
 * included, so tests can check the server's side of the contract byte by byte.
 */
public final class TestClient {

    /** An answer: status, the headers that matter here, and the body as text. */
    public record Reply(int status, String body, Map<String, List<String>> headers) {

        public <T> T as(Class<T> type) {
            return Protocol.gson().fromJson(body, type);
        }

        public ApiError error() {
            return as(ApiError.class);
        }

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final String base;
    private final SSLContext tls;
    private Map<String, String> extraHeaders = Map.of();

    public TestClient(String base) {
        this(base, null);
    }

    public TestClient(String base, SSLContext tls) {
        this.base = base;
        this.tls = tls;
    }

    public String base() {
        return base;
    }

    /** The same client speaking to another address (another instance, or through a proxy). */
    public TestClient at(String otherBase) {
        TestClient c = new TestClient(otherBase, tls);
        c.extraHeaders = extraHeaders;
        return c;
    }

    /** Sends these headers with every request, e.g. an older {@code Campus-Protocol}. */
    public TestClient withHeaders(Map<String, String> headers) {
        TestClient c = new TestClient(base, tls);
        c.extraHeaders = headers;
        return c;
    }

    public Reply get(String path, String token) throws IOException {
        return send("GET", path, token, null, null);
    }

    public Reply post(String path, String token, Object body) throws IOException {
        return send("POST", path, token, body == null ? null : Protocol.gson().toJson(body), null);
    }

    public Reply postRaw(String path, String token, String json) throws IOException {
        return send("POST", path, token, json, null);
    }

    /** A body sent in chunks of {@code chunk} bytes, with no Content-Length. */
    public Reply postChunked(String path, String token, byte[] body, int chunk) throws IOException {
        return send("POST", path, token, null, new Object[] {body, chunk});
    }

    private Reply send(String method, String path, String token, String json, Object[] chunked) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(base + path).openConnection();
        if (tls != null && c instanceof HttpsURLConnection) {
            ((HttpsURLConnection) c).setSSLSocketFactory(tls.getSocketFactory());
        }
        c.setConnectTimeout(10_000);
        c.setReadTimeout(60_000);
        c.setRequestMethod(method);
        c.setRequestProperty("Accept", "application/json");
        extraHeaders.forEach(c::setRequestProperty);
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        byte[] body = json != null ? json.getBytes(StandardCharsets.UTF_8) : chunked != null ? (byte[]) chunked[0] : null;
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            if (chunked != null) {
                c.setChunkedStreamingMode((Integer) chunked[1]);
            }
            // Otherwise buffered, not streamed: in streaming mode HttpURLConnection answers a 401 without its body.
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            } catch (IOException e) {
                // The server may answer (413) and close before the whole body is sent: read its answer below.
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = "";
        if (in != null) {
            try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                text = out.toString(StandardCharsets.UTF_8);
            }
        }
        return new Reply(status, text, c.getHeaderFields());
    }

    // The protocol's steps, each failing loudly on an unexpected status.

    public Session login(String user, String password) throws IOException {
        return expect(post(Protocol.LOGIN, null, new LoginRequest(user, password, null)), 200).as(Session.class);
    }

    public Session signup(String invite, String user, String password) throws IOException {
        return expect(post(Protocol.SIGNUP, null, new SignupRequest(invite, user, password, null)), 201).as(Session.class);
    }

    public Invitation invite(String token, String role, String user) throws IOException {
        return expect(post(Protocol.INVITATIONS, token, new InviteRequest(role, user, null)), 201).as(Invitation.class);
    }

    /** A new account of {@code role}, invited by {@code inviterToken}; its session. */
    public Session newAccount(String inviterToken, String role, String user, String password) throws IOException {
        return signup(invite(inviterToken, role, user).code(), user, password);
    }

    public Reply push(String token, String device, List<WireEvent> events) throws IOException {
        return post(Protocol.PUSH, token, new PushRequest(device, events));
    }

    public PushResponse pushOk(String token, String device, List<WireEvent> events) throws IOException {
        return expect(push(token, device, events), 200).as(PushResponse.class);
    }

    public PullResponse pull(String token, String device, Map<String, Long> have, int limit) throws IOException {
        return expect(post(Protocol.PULL, token, new PullRequest(device, have, limit)), 200).as(PullResponse.class);
    }

    public static Reply expect(Reply r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected HTTP " + status + ", got " + r.status() + ": " + r.body());
        }
        return r;
    }

    /** An event of {@code device} at {@code seq}, with a fresh id. */
    public static WireEvent event(String device, long seq, String kind) {
        JsonObject data = new JsonObject();
        data.addProperty("n", seq);
        return new WireEvent(UUID.randomUUID().toString(), device, seq, 1_765_000_000_000L + seq, 0, kind,
                "lab-" + (seq % 7), "2026-12-04T10:00:00Z", data, null);
    }

    /** Events {@code from..to} of {@code device}. */
    public static List<WireEvent> events(String device, long from, long to) {
        List<WireEvent> list = new java.util.ArrayList<>();
        for (long s = from; s <= to; s++) {
            list.add(event(device, s, "lab.attempt"));
        }
        return list;
    }
}
