package campus.progress.sync;

import campus.i18n.Msg;
import campus.progress.sync.protocol.Protocol;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code <data>/sync/account.json}: the server, the account and its token, readable by the owner only (the
 * token is as good as the password for 30 days). Written to a temporary file and moved over the old one, so a
 * kill or a full disk leaves the old file or the new one, never half of one.
 */
public final class AccountFile {

    public static final String DIR = "sync";
    public static final String FILE = "account.json";

    private final Path file;

    public AccountFile(Path dataDir) {
        this.file = dataDir.resolve(DIR).resolve(FILE);
    }

    public Path path() {
        return file;
    }

    /** The account, or null if this folder never signed in. */
    public Account read() throws SyncFailure {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            Account a = Protocol.gson().fromJson(Files.readString(file, StandardCharsets.UTF_8), Account.class);
            if (a == null || a.server() == null || a.user() == null) {
                throw new JsonParseException("server or user missing");
            }
            return a;
        } catch (IOException | JsonParseException e) {
            throw new SyncFailure(SyncFailure.Kind.LOCAL, Msg.of("sync.error.accountFileDamaged", file, reason(e)), e);
        }
    }

    public void write(Account account) throws SyncFailure {
        Path dir = file.getParent();
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            ownerOnlyDir(dir);
            Files.deleteIfExists(tmp);
            ownerOnlyFile(tmp);
            byte[] bytes = Protocol.gson().toJson(account).getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The old file is untouched; the temporary one goes at the next write.
            }
            throw new SyncFailure(SyncFailure.Kind.LOCAL, Msg.of("sync.error.accountFile", file, reason(e)), e);
        }
    }

    static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static void ownerOnlyDir(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        if (posix(dir)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // Made by another process at the same moment: fine.
            }
        } else {
            Files.createDirectories(dir);
            ownerOnlyAcl(dir);
        }
    }

    private static void ownerOnlyFile(Path f) throws IOException {
        if (posix(f.getParent())) {
            Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(f);
            ownerOnlyAcl(f);
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Windows: one entry, the owner's, replacing the inherited ones. */
    private static void ownerOnlyAcl(Path p) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(p, AclFileAttributeView.class);
        if (view == null) {
            return;
        }
        UserPrincipal owner = Files.getOwner(p);
        view.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
    }
}
