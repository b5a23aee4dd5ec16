package campus.labs.sandbox;

import campus.i18n.Msg;
import campus.labs.dataset.Dataset;
import campus.labs.dataset.LoadProgress;
import campus.labs.sql.GuardPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The private H2 database (MySQL mode) of one {@link Sandbox} and its connections: how it is created (in memory, or on
 * a private copy of a cached dataset), who logs in as what, how it is loaded again when H2 lost it, and how it is
 * thrown away.
 *
 * <p>The dataset lives in schema {@code lab}, owned by user {@code learner}. A {@link GuardPolicy#READ_ONLY} sandbox
 * logs the learner in as {@code reader}, who may only read it; a {@link GuardPolicy#READ_WRITE} one as
 * {@code learner}, in a transaction, with a second admin connection and the {@link TableRestorer} that copies tables
 * into the admin-only schema {@code pristine} before DDL changes them. Not thread-safe: the sandbox's lock guards it.
 */
final class SandboxDatabase {

    static final String LAB = "lab";
    /** Settings of every sandbox database: MySQL mode, and no Java object is ever deserialized ({@link NoJavaObjects}). */
    static final String SETTINGS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=LOW;JAVA_OBJECT_SERIALIZER='"
            + NoJavaObjects.class.getName() + "'";
    private static final String PRISTINE = "pristine";

    static {
        NoJavaObjects.everywhere();
    }

    private final Dataset dataset;
    private final Integer scale;
    private final GuardPolicy policy;
    private final DatasetCache cache;
    private final LoadProgress progress;
    private final String learnerPassword = UUID.randomUUID().toString();
    private String adminPassword = UUID.randomUUID().toString();
    private String learnerUser = "learner";
    private String url;
    /** The private copy of the cached dataset this database is; null for an in-memory database. */
    private DatasetCache.Copy copy;
    private final List<String> ddl = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();
    private Connection admin;
    /** READ_WRITE only: an admin connection for copies and restores, and the restorer itself. */
    private Connection maint;
    private TableRestorer restorer;
    private Connection learner;

    private SandboxDatabase(Dataset dataset, Integer scale, GuardPolicy policy, DatasetCache cache, LoadProgress progress,
                            DatasetCache.Copy copy) {
        this.dataset = dataset;
        this.scale = scale;
        this.policy = policy;
        this.cache = cache;
        this.progress = progress;
        this.copy = copy;
    }

    /**
     * Creates the database and loads the dataset at the given scale (null: its default): on {@code copy} when given
     * (deleted when the database closes), else on a copy checked out of {@code cache}, else in memory.
     * {@code progress} hears how far the opening has got (on this thread).
     */
    static SandboxDatabase open(Dataset dataset, Integer scale, GuardPolicy policy, DatasetCache cache,
                                LoadProgress progress, DatasetCache.Copy copy) throws DatasetException {
        SandboxDatabase db = new SandboxDatabase(dataset, scale, policy, cache, progress, copy);
        try {
            db.setUp();
            return db;
        } catch (SQLException e) {
            db.close();
            throw new DatasetException(Msg.of("labs.dataset.loadFailed", dataset.name(), ErrorMapper.detail(e)));
        } catch (DatasetException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private void setUp() throws SQLException, DatasetException {
        if (cache == null && copy == null) {
            url = "jdbc:h2:mem:campus-lab-" + UUID.randomUUID();
            admin = connect(url + SETTINGS, "campus_admin", adminPassword);
            Msg generating = Msg.of("labs.load.generating", dataset.name(),
                    dataset.scalable() ? (Object) (scale != null ? scale : dataset.defaultScale().getAsInt()) : "—");
            progress.update(generating, 0);
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE USER learner PASSWORD '" + UUID.randomUUID() + "'");
                st.execute("CREATE SCHEMA " + LAB + " AUTHORIZATION learner");
                st.execute("SET SCHEMA " + LAB);
                DatasetLoader.load(admin, dataset, scale, ddl, tables, f -> progress.update(generating, f));
                st.execute("SET SCHEMA PUBLIC");
            }
        } else {
            if (copy == null) {
                copy = cache.checkout(dataset, scale, progress);
            }
            url = copy.url();
            try {
                admin = connect(url, DatasetCache.ADMIN, copy.password());
            } catch (SQLException e) {
                if (cache == null) {
                    throw e;
                }
                // the copy's checksum matched but H2 cannot read it (written by a broken build): generate it again
                copy.delete();
                copy = cache.rebuild(dataset, scale, progress,
                        Msg.of("labs.cache.damaged.open", dataset.name(), ErrorMapper.detail(e)));
                url = copy.url();
                admin = connect(url, DatasetCache.ADMIN, copy.password());
            }
            adminPassword = copy.password();
            try (Statement st = admin.createStatement()) {
                // a 64 MB page cache (H2's default is 16 MB): repeated scans of a 1,000,000-row table stay in memory
                // longer. Set by the admin: a setting in the URL would refuse the learner's connection.
                st.execute("SET CACHE_SIZE 65536");
            }
        }
        // The dataset's schema belongs to user learner. A read-only sandbox logs in as reader, who may only read it;
        // a read-write one logs in as learner, who owns it and works in a transaction.
        try (Statement st = admin.createStatement()) {
            if (policy == GuardPolicy.READ_ONLY) {
                learnerUser = "reader";
                st.execute("CREATE USER reader PASSWORD '" + learnerPassword + "'");
                st.execute("GRANT SELECT ON SCHEMA " + LAB + " TO reader");
            } else {
                learnerUser = "learner";
                st.execute("ALTER USER learner SET PASSWORD '" + learnerPassword + "'");
                st.execute("CREATE SCHEMA " + PRISTINE);
                maint = connect(url, "campus_admin", adminPassword);
                restorer = new TableRestorer(maint, LAB, PRISTINE);
            }
        }
        openLearner();
    }

    private void openLearner() throws SQLException {
        learner = connect(url, learnerUser, learnerPassword);
        try (Statement st = learner.createStatement()) {
            st.execute("SET SCHEMA " + LAB);
        }
        learner.setAutoCommit(policy == GuardPolicy.READ_ONLY);
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return new org.h2.Driver().connect(url, p);
    }

    /** The reason the dataset's saved copy had to be generated again, if it was damaged. */
    Optional<Msg> repaired() {
        return copy == null ? Optional.empty() : copy.repaired();
    }

    /** Whether opening generated the dataset (no cache, or the first use of this dataset and size). */
    boolean generated() {
        return copy == null || copy.built();
    }

    /** The learner's connection (changes when the database is loaded again). */
    Connection learner() {
        return learner;
    }

    /** The admin's connection, in schema PUBLIC between uses (changes when the database is loaded again). */
    Connection admin() {
        return admin;
    }

    /** READ_WRITE: the restorer of the dataset's tables; null in a READ_ONLY sandbox. */
    TableRestorer restorer() {
        return restorer;
    }

    /**
     * H2 shuts a database down when a statement runs out of memory (error 90108): the heap is fine again once
     * the statement's garbage is gone, but the in-memory database is lost. Load it again, so the learner can go on.
     */
    void recoverIfDead() {
        try (Statement st = admin.createStatement()) {
            st.execute("SELECT 1");
            return;
        } catch (SQLException e) {
            // closed: reload below
        }
        reload();
    }

    /** Throws the database away and loads the dataset again into a new one: the whole schema, as loaded. */
    void reload() {
        Connection[] old = {learner, maint, admin};
        for (Connection c : old) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (SQLException ignored) {
                // already closed with the database
            }
        }
        try {
            if (copy != null) {
                copy.delete();
                copy = null; // without a cache (a worker given a copy) the dataset is generated again in memory
            }
            maint = null;
            restorer = null;
            ddl.clear();
            tables.clear();
            setUp();
        } catch (SQLException | DatasetException e) {
            throw new IllegalStateException("sandbox could not be reloaded", e);
        }
    }

    /** Shuts the database down and closes every connection; deletes the copy it was. */
    void close() {
        for (Connection c : new Connection[] {learner, maint, admin}) {
            if (c == null) {
                continue;
            }
            try {
                if (c == admin) {
                    try (Statement st = c.createStatement()) {
                        st.execute(copy == null ? "SHUTDOWN" : "SHUTDOWN IMMEDIATELY");
                    }
                }
                c.close();
            } catch (SQLException ignored) {
                // closing a database that is thrown away: nothing to recover
            }
        }
        if (copy != null) {
            copy.delete();
        }
    }
}
