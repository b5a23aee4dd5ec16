package campus.server.http;

import campus.progress.sync.protocol.ApiError;

/** A request the server answers with an {@link ApiError}: the client's mistake or a refusal, never a crash. */
public final class ApiException extends RuntimeException {

    private final transient ApiError error;

    public ApiException(ApiError error) {
        super(error.error() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public ApiException(String code, String message, int status) {
        this(ApiError.of(code, message, status));
    }

    public ApiError error() {
        return error;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(ApiError.BAD_REQUEST, message, 400);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ApiError.FORBIDDEN, message, 403);
    }

    public static ApiException unauthenticated(String code, String message) {
        return new ApiException(code, message, 401);
    }
}
