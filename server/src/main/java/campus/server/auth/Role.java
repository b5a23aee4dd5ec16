package campus.server.auth;

import campus.progress.sync.protocol.Accounts;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * An account's role and what it may do. Every endpoint asks for a {@link Permission}, never for a role, so the
 * classroom's permissions (a class's dashboard, proctoring, re-grading, certificates) are added here.
 */
public enum Role {
    LEARNER(Accounts.LEARNER, EnumSet.of(Permission.OWN_ACCOUNT, Permission.OWN_EVENTS)),
    INSTRUCTOR(Accounts.INSTRUCTOR, EnumSet.of(Permission.OWN_ACCOUNT, Permission.OWN_EVENTS, Permission.INVITE_LEARNERS)),
    ADMIN(Accounts.ADMIN, EnumSet.allOf(Permission.class));

    /** What a request may need besides a valid token. */
    public enum Permission {
        OWN_ACCOUNT, OWN_EVENTS, INVITE_LEARNERS, INVITE_ANY_ROLE, READ_METRICS
    }

    private final String wire;
    private final Set<Permission> permissions;

    Role(String wire, Set<Permission> permissions) {
        this.wire = wire;
        this.permissions = permissions;
    }

    public String wire() {
        return wire;
    }

    public boolean may(Permission p) {
        return permissions.contains(p);
    }

    /** Whether this role may hand out an invitation for {@code target}. */
    public boolean mayInvite(Role target) {
        return may(Permission.INVITE_ANY_ROLE) || (target == LEARNER && may(Permission.INVITE_LEARNERS));
    }

    /** The role named on the wire, or null. */
    public static Role of(String wire) {
        if (wire == null) {
            return null;
        }
        for (Role r : values()) {
            if (r.wire.equals(wire.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        return null;
    }
}
