package campus.progress.sync;

import campus.i18n.Msg;
import campus.progress.sync.SyncFailure.Kind;
import campus.progress.sync.protocol.ApiError;
import campus.progress.sync.protocol.Protocol;
import com.google.gson.JsonParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * One request to a progress server and its answer turned into a record or a {@link SyncFailure} with a clear
 * message: an unreachable server, a cut connection, an HTML page where JSON was expected, an answer larger than
 * any the protocol sends, a protocol too old, a token refused. Bodies are sent buffered (with a length), not
 * streamed: in streaming mode {@link HttpURLConnection} drops the body of a 401, which says why.
 */
public final class SyncHttp {

    /** Larger than any answer the protocol gives (a pull page is about 1 MiB, at least one event of at most 1 MiB). */
    public static final int MAX_ANSWER_BYTES = 4 << 20;

    private final String server;
    private final int connectTimeoutMs;
    private final int readTimeoutMs;

    public SyncHttp(String server) {
        this(server, 10_000, 60_000);
    }

    public SyncHttp(String server, int connectTimeoutMs, int readTimeoutMs) {
        this.server = server;
        this.connectTimeoutMs = connectTimeoutMs;
        this.readTimeoutMs = readTimeoutMs;
    }

    public String server() {
        return server;
    }

    /**
     * {@code http://host:port} or {@code https://host[:port]}, without a trailing slash or path; a missing scheme
     * means http. A {@link Kind#REFUSED} failure for anything else.
     */
    public static String normalize(String url) throws SyncFailure {
        String u = url == null ? "" : url.trim();
        if (!u.contains("://")) {
            u = "http://" + u;
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
                throw new URISyntaxException(u, "not a server address");
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            return scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path;
        } catch (URISyntaxException e) {
            throw new SyncFailure(Kind.REFUSED, Msg.of("sync.error.badUrl", url == null ? "" : url.trim()));
        }
    }

    /** POST {@code body} as JSON (null: no body) and read the answer as {@code type} (null: none expected). */
    public <T> T post(String path, String token, Object body, Class<T> type) throws SyncFailure {
        return exchange("POST", path, token, body, type);
    }

    public <T> T get(String path, String token, Class<T> type) throws SyncFailure {
        return exchange("GET", path, token, null, type);
    }

    private <T> T exchange(String method, String path, String token, Object body, Class<T> type) throws SyncFailure {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) new URL(server + path).openConnection();
            c.setConnectTimeout(connectTimeoutMs);
            c.setReadTimeout(readTimeoutMs);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setRequestMethod(method);
            c.setRequestProperty("Accept", "application/json");
            c.setRequestProperty(Protocol.HEADER, Integer.toString(Protocol.VERSION));
            if (token != null) {
                c.setRequestProperty("Authorization", "Bearer " + token);
            }
            if (body != null) {
                byte[] bytes = Protocol.gson().toJson(body).getBytes(StandardCharsets.UTF_8);
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json; charset=utf-8");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = c.getResponseCode();
            if (status < 0) {
                throw notCampus(status, c.getContentType());
            }
            if (status < 100) {
                // A status line cut short ("HTTP/1.1 20") reads as a status below 100: the answer broke off.
                throw new SyncFailure(Kind.OFFLINE, Msg.of("sync.error.cut", server, "HTTP " + status + "…"));
            }
            checkServerVersion(c, status);
            String text = read(c, status);
            if (status >= 200 && status < 300) {
                if (type == null) {
                    return null;
                }
                if (!isJson(c.getContentType())) {
                    throw notCampus(status, c.getContentType());
                }
                T answer = Protocol.gson().fromJson(text, type);
                if (answer == null) {
                    throw new JsonParseException("empty answer");
                }
                return answer;
            }
            throw failure(status, text, c);
        } catch (MalformedURLException e) {
            throw new SyncFailure(Kind.REFUSED, Msg.of("sync.error.badUrl", server), e);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new SyncFailure(Kind.UNAVAILABLE, Msg.of("sync.error.badAnswer", server, AccountFile.reason(e)), e);
        } catch (SSLException e) {
            throw new SyncFailure(Kind.NOT_CAMPUS, Msg.of("sync.error.tls", server, AccountFile.reason(e)), e);
        } catch (UnknownHostException | ConnectException | NoRouteToHostException e) {
            throw new SyncFailure(Kind.OFFLINE, Msg.of("sync.error.offline", server, AccountFile.reason(e)), e);
        } catch (SocketTimeoutException e) {
            boolean connecting = AccountFile.reason(e).toLowerCase(Locale.ROOT).contains("connect");
            throw new SyncFailure(Kind.OFFLINE, Msg.of(connecting ? "sync.error.offline" : "sync.error.cut", server,
                    AccountFile.reason(e)), e);
        } catch (IOException e) {
            // The connection went away mid-request or mid-answer: the same as no answer, repeat the step.
            throw new SyncFailure(Kind.OFFLINE, Msg.of("sync.error.cut", server, AccountFile.reason(e)), e);
        }
    }

    private void checkServerVersion(HttpURLConnection c, int status) throws SyncFailure {
        String max = c.getHeaderField(Protocol.HEADER);
        if (max == null) {
            return; // not every answer comes from the API (a proxy's error page): judged by its body below
        }
        int v;
        try {
            v = Integer.parseInt(max.trim());
        } catch (NumberFormatException e) {
            throw notCampus(status, c.getContentType());
        }
        if (v < Protocol.MIN_VERSION) {
            throw new SyncFailure(Kind.VERSION, Msg.of("sync.error.serverTooOld", server, v, Protocol.MIN_VERSION));
        }
    }

    private String read(HttpURLConnection c, int status) throws IOException, SyncFailure {
        long declared = c.getContentLengthLong();
        if (declared > MAX_ANSWER_BYTES) {
            throw tooLarge();
        }
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        if (in == null) {
            return "";
        }
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                if (out.size() + n > MAX_ANSWER_BYTES) {
                    throw tooLarge();
                }
                out.write(buf, 0, n);
            }
            if (declared >= 0 && out.size() != declared) {
                throw new IOException("the answer ended after " + out.size() + " of " + declared + " bytes");
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private SyncFailure tooLarge() {
        return new SyncFailure(Kind.NOT_CAMPUS, Msg.of("sync.error.tooLarge", server, MAX_ANSWER_BYTES >> 20));
    }

    private SyncFailure notCampus(int status, String contentType) {
        return new SyncFailure(Kind.NOT_CAMPUS, Msg.of("sync.error.notCampus", server, Integer.toString(status),
                contentType == null ? "-" : contentType));
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    private SyncFailure failure(int status, String text, HttpURLConnection c) {
        ApiError e = null;
        if (isJson(c.getContentType())) {
            try {
                e = Protocol.gson().fromJson(text, ApiError.class);
            } catch (JsonParseException ignored) {
                // judged by its status below
            }
        }
        long retryMs = retryAfterMs(c.getHeaderField("Retry-After"));
        if (e == null || e.error() == null) {
            if (status == 502 || status == 503 || status == 504) {
                // A proxy or load balancer in front of the server says it is away.
                return new SyncFailure(Kind.UNAVAILABLE, Msg.of("sync.error.unavailable", server), retryMs, null, null);
            }
            return notCampus(status, c.getContentType());
        }
        String message = e.message() == null ? e.error() : e.message();
        switch (e.error()) {
            case ApiError.PROTOCOL_TOO_OLD:
                return new SyncFailure(Kind.VERSION, Msg.of("sync.error.tooOld", server,
                        e.minProtocol() == null ? "?" : e.minProtocol().toString(), Protocol.VERSION));
            case ApiError.BAD_CREDENTIALS:
                return new SyncFailure(Kind.AUTH, Msg.of("sync.error.badCredentials"));
            case ApiError.TOKEN_EXPIRED:
                return new SyncFailure(Kind.AUTH, Msg.of("sync.error.tokenExpired", server));
            case ApiError.TOKEN_REVOKED:
                return new SyncFailure(Kind.AUTH, Msg.of("sync.error.tokenRevoked", server));
            case ApiError.UNAUTHENTICATED:
                return new SyncFailure(Kind.AUTH, Msg.of("sync.error.unauthenticated", server));
            case ApiError.RATE_LIMITED:
                return new SyncFailure(Kind.UNAVAILABLE, Msg.of("sync.error.rateLimited",
                        Math.max(1, retryMs / 1000)), retryMs, null, null);
            case ApiError.UNAVAILABLE:
                return new SyncFailure(Kind.UNAVAILABLE, Msg.of("sync.error.unavailable", server), retryMs, null, null);
            case ApiError.STORAGE_FULL:
                return new SyncFailure(Kind.UNAVAILABLE, Msg.of("sync.error.serverFull", server), retryMs, null, null);
            case ApiError.SEQ_GAP:
                return new SyncFailure(Kind.UNAVAILABLE, Msg.of("sync.error.badAnswer", server, message), 0, e.ackedSeq(), null);
            case ApiError.EVENT_CONFLICT:
                return new SyncFailure(Kind.CONFLICT, Msg.of("sync.error.conflict", server, message));
            case ApiError.INVITE_INVALID:
                return new SyncFailure(Kind.REFUSED, Msg.of("sync.error.inviteInvalid"));
            case ApiError.USER_TAKEN:
                return new SyncFailure(Kind.REFUSED, Msg.of("sync.error.userTaken"));
            case ApiError.WEAK_PASSWORD:
                return new SyncFailure(Kind.REFUSED, Msg.of("sync.error.weakPassword", message));
            case ApiError.FORBIDDEN:
                return new SyncFailure(Kind.REFUSED, Msg.of("sync.error.forbidden", server, message));
            default:
                if (status >= 500) {
                    return new SyncFailure(Kind.UNAVAILABLE, Msg.of("sync.error.server", server, message), retryMs, null, null);
                }
                return new SyncFailure(Kind.REFUSED, Msg.of("sync.error.refused", server, message));
        }
    }

    private static long retryAfterMs(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Math.min(3_600, Math.max(0, Long.parseLong(header.trim()))) * 1000;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
