package campus.server.testing;

import campus.progress.sync.protocol.Accounts.PasswordChange;
import campus.progress.sync.protocol.Accounts.Session;
import campus.progress.sync.protocol.Protocol;
import campus.server.ProgressServer;
import campus.server.ServerConfig;
import campus.server.auth.AdminBootstrap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A real progress server on a free loopback port, on a test database, with its admin signed in. */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "admin password for tests";

    private final ProgressServer server;
    private final ServerConfig config;
    private final TestClient client;

    private TestServer(ProgressServer server, ServerConfig config) {
        this.server = server;
        this.config = config;
        this.client = new TestClient(server.url());
    }

    public static TestServer start(TestDatabase db) throws Exception {
        return start(db, c -> { });
    }

    public static TestServer start(TestDatabase db, Consumer<ServerConfig> tweak) throws Exception {
        ServerConfig config = new ServerConfig();
        config.port = 0;
        config.dataDir = db.dataDir();
        config.dbUrl = db.url();
        config.dbPoolSize = 4;
        tweak.accept(config);
        return new TestServer(ProgressServer.start(config), config);
    }

    public ProgressServer server() {
        return server;
    }

    public ServerConfig config() {
        return config;
    }

    public String url() {
        return server.url();
    }

    public TestClient client() {
        return client;
    }

    /**
     * The admin's token. The first call signs in with the one-time password this start wrote and sets
     * {@link #ADMIN_PASSWORD}, as an operator would; later calls (and other instances) log in with it.
     */
    public String adminToken() throws Exception {
        Path file = server.adminPasswordFile();
        if (file != null && Files.exists(file)) {
            String once = oneTimePassword(file);
            Session s = client.login(AdminBootstrap.USER, once);
            TestClient.expect(client.post(Protocol.PASSWORD, s.token(), new PasswordChange(null, ADMIN_PASSWORD)), 204);
            return s.token();
        }
        return client.login(AdminBootstrap.USER, ADMIN_PASSWORD).token();
    }

    public static String oneTimePassword(Path file) throws Exception {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("password: ")) {
                return line.substring("password: ".length()).trim();
            }
        }
        throw new AssertionError("no password line in " + file);
    }

    @Override
    public void close() {
        server.close();
    }
}
