package campus.server.auth;

/** Who a request is from, as its bearer token says; the only source of the learner an event belongs to. */
public record Principal(String accountId, String user, Role role, String tokenHash) {
}
