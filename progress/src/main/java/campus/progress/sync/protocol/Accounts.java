package campus.progress.sync.protocol;

/** The account messages of the API: sign-up, login, the session they give, invitations. */
public final class Accounts {

    public static final String LEARNER = "learner";
    public static final String INSTRUCTOR = "instructor";
    public static final String ADMIN = "admin";

    private Accounts() {
    }

    public record SignupRequest(String invite, String user, String password, String device) {
    }

    public record LoginRequest(String user, String password, String device) {
    }

    /** A bearer token and whose it is; {@code expiresAt} is ISO-8601. */
    public record Session(String token, AccountInfo account, String expiresAt) {
    }

    public record AccountInfo(String id, String user, String role) {
    }

    /**
     * A new password for the token's own account. {@code current} is needed unless the account has none left
     * (the first admin's one-time password was used to sign in). Other tokens of the account are revoked.
     */
    public record PasswordChange(String current, String password) {
    }

    /** {@code user} optional: an invitation may be bound to one user name. */
    public record InviteRequest(String role, String user, Integer expiresInHours) {
    }

    public record Invitation(String code, String role, String user, String expiresAt) {
    }

    public record Health(String status, String version, ProtocolRange protocol, String database, long serverTimeMs) {
    }

    public record ProtocolRange(int min, int max) {
    }
}
