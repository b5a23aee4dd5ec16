package campus.server;

import campus.progress.sync.protocol.Accounts.Health;
import campus.progress.sync.protocol.Accounts.ProtocolRange;
import campus.progress.sync.protocol.ApiError;
import campus.progress.sync.protocol.Protocol;
import campus.progress.sync.protocol.PushResponse;
import campus.server.auth.AccountService;
import campus.server.auth.Principal;
import campus.server.auth.Role.Permission;
import campus.server.auth.Tokens;
import campus.server.db.Database;
import campus.server.http.ApiException;
import campus.server.http.Bodies;
import campus.server.http.Metrics;
import campus.server.sync.EventStore;
import campus.server.sync.Pull;
import campus.server.sync.PushChunk;
import com.google.gson.JsonObject;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of API v1 and what every request passes through: protocol headers and the version check before,
 * errors as {@link ApiError} JSON after. Handlers authenticate first and read the body only then, so an
 * anonymous request never costs a parse.
 */
final class Api {

    private static final Logger LOG = LoggerFactory.getLogger(Api.class);
    /** How long a client waits after "storage full": an operator has to free space first. */
    static final int STORAGE_FULL_RETRY_SECONDS = 30;

    private final ServerConfig config;
    private final Database db;
    private final Tokens tokens;
    private final AccountService accounts;
    private final EventStore events;
    private final Pull pull;
    private final Metrics metrics;
    private final String version;

    Api(ServerConfig config, Database db, Tokens tokens, AccountService accounts, EventStore events, Pull pull,
        Metrics metrics, String version) {
        this.config = config;
        this.db = db;
        this.tokens = tokens;
        this.accounts = accounts;
        this.events = events;
        this.pull = pull;
        this.metrics = metrics;
        this.version = version;
    }

    void install(Javalin app) {
        app.before(this::protocol);
        app.get(Protocol.HEALTH, this::health);
        app.get(Protocol.METRICS, ctx -> {
            allow(ctx, Permission.READ_METRICS);
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.render(db.pool()));
        });
        app.post(Protocol.SIGNUP, ctx -> ctx.status(201).json(accounts.signup(Bodies.object(ctx), address(ctx))));
        app.post(Protocol.LOGIN, ctx -> ctx.json(accounts.login(Bodies.object(ctx), address(ctx))));
        app.post(Protocol.LOGOUT, ctx -> {
            accounts.logout(allow(ctx, Permission.OWN_ACCOUNT));
            ctx.status(204);
        });
        app.get(Protocol.ACCOUNT, ctx -> ctx.json(accounts.account(allow(ctx, Permission.OWN_ACCOUNT))));
        app.post(Protocol.PASSWORD, ctx -> {
            Principal p = allow(ctx, Permission.OWN_ACCOUNT);
            accounts.changePassword(p, Bodies.object(ctx), address(ctx));
            ctx.status(204);
        });
        app.post(Protocol.INVITATIONS, ctx -> {
            Principal p = allow(ctx, Permission.INVITE_LEARNERS);
            ctx.status(201).json(accounts.invite(p, Bodies.object(ctx)));
        });
        app.post(Protocol.PUSH, ctx -> {
            Principal p = allow(ctx, Permission.OWN_EVENTS);
            PushResponse r = events.push(p, PushChunk.of(Bodies.object(ctx)));
            metrics.pushed(r.stored(), r.duplicates());
            ctx.json(r);
        });
        app.post(Protocol.PULL, ctx -> {
            Principal p = allow(ctx, Permission.OWN_EVENTS);
            JsonObject page = pull.page(p, Bodies.object(ctx));
            metrics.pulled(page.getAsJsonArray("events").size());
            ctx.json(page);
        });
        app.exception(ApiException.class, (e, ctx) -> answer(ctx, e.error()));
        app.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, ApiError.of(
                e.getStatus() == 404 ? ApiError.NOT_FOUND : e.getStatus() >= 500 ? ApiError.INTERNAL : ApiError.BAD_REQUEST,
                e.getStatus() == 404 ? "no such endpoint: " + ctx.method() + " " + ctx.path() : e.getMessage(), e.getStatus())));
        app.exception(Exception.class, this::failure);
    }

    private void protocol(Context ctx) {
        ctx.header(Protocol.HEADER, Integer.toString(Protocol.VERSION));
        ctx.header(Protocol.MIN_HEADER, Integer.toString(Protocol.MIN_VERSION));
        ctx.header("Cache-Control", "no-store");
        if (ctx.path().equals(Protocol.HEALTH)) {
            return; // anyone may learn the range, whatever version they speak
        }
        String asked = ctx.header(Protocol.HEADER);
        int v;
        try {
            v = asked == null ? 1 : Integer.parseInt(asked.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(Protocol.HEADER + " must be a whole number, not '" + asked + "'");
        }
        if (v < Protocol.MIN_VERSION) {
            throw new ApiException(new ApiError(ApiError.PROTOCOL_TOO_OLD, "this server speaks sync protocol "
                    + Protocol.MIN_VERSION + " to " + Protocol.VERSION + ", the client " + v + "; update Campus", 426,
                    null, Protocol.MIN_VERSION, Protocol.VERSION, null));
        }
    }

    private void health(Context ctx) throws SQLException {
        if (db.embeddedDiskFull()) {
            // Up, but it cannot store a push: say so rather than "ok".
            throw storageFull();
        }
        // MariaDB's driver answers false for a connection the database lost, where others throw: both are 503.
        db.read(c -> {
            if (!c.isValid(2)) {
                throw new SQLNonTransientConnectionException("the database connection is not valid", "08003");
            }
            return Boolean.TRUE;
        });
        ctx.json(new Health("ok", version, new ProtocolRange(Protocol.MIN_VERSION, Protocol.VERSION),
                db.product(), config.clock.millis()));
    }

    /** The request's principal if its token is valid and its role has {@code permission}; else 401 or 403. */
    private Principal allow(Context ctx, Permission permission) throws SQLException {
        Principal p = tokens.authenticate(ctx.header("Authorization"));
        boolean allowed = permission == Permission.INVITE_LEARNERS
                ? p.role().may(Permission.INVITE_LEARNERS) || p.role().may(Permission.INVITE_ANY_ROLE)
                : p.role().may(permission);
        if (!allowed) {
            throw ApiException.forbidden("a " + p.role().wire() + " account may not do this");
        }
        return p;
    }

    private String address(Context ctx) {
        if (config.trustForwardedFor) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].trim();
            }
        }
        return ctx.req().getRemoteAddr();
    }

    /** 503 with Retry-After: the disk under the database is full; nothing of the request was stored. */
    private static ApiException storageFull() {
        return new ApiException(new ApiError(ApiError.STORAGE_FULL, "the server's storage is full; nothing of this request was"
                + " stored, try again later", 503, null, null, null, STORAGE_FULL_RETRY_SECONDS));
    }

    private void failure(Exception e, Context ctx) {
        if (db.storageFull(e)) {
            String reason = storageReason(e);
            if (!reason.contains("No space left") && db.embeddedDiskFull()) {
                reason = "the embedded database's disk has less than 1 MiB free (" + reason + ")";
            }
            LOG.warn("storage full on {} {}: {}; answered 503, nothing of the request was stored", ctx.method(), ctx.path(), reason);
            answer(ctx, storageFull().error());
            return;
        }
        if (Database.isUnavailable(e)) {
            LOG.warn("database unavailable: {}", e.toString());
            answer(ctx, ApiError.of(ApiError.UNAVAILABLE, "the progress database is not reachable; nothing was lost,"
                    + " try again in a moment", 503));
            ctx.header("Retry-After", "5");
            return;
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("incident {} on {} {}", incident, ctx.method(), ctx.path(), e);
        answer(ctx, ApiError.of(ApiError.INTERNAL, "the server failed on this request (incident " + incident
                + " in its log)", 500));
    }

    /** The innermost message of the failure: "No space left on device" rather than the wrappers around it. */
    private static String storageReason(Throwable e) {
        String reason = e.toString();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        return reason;
    }

    private static void answer(Context ctx, ApiError error) {
        if (error.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        if (error.retryAfterSeconds() != null) {
            ctx.header("Retry-After", Integer.toString(error.retryAfterSeconds()));
        }
        ctx.status(error.status()).json(error);
    }
}
