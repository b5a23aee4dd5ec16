package campus.server.http;

import campus.progress.sync.protocol.ApiError;
import campus.progress.sync.protocol.Protocol;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Errors Jetty answers itself, before a request reaches the API (a malformed request line, headers too large,
 * a bad chunk): the same JSON {@link ApiError} as every other error, instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        byte[] body = json(code, message);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        baseRequest.setHandled(true);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (HttpStatus.hasNoBody(status)) {
            return ByteBuffer.allocate(0);
        }
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(json(status, reason));
    }

    static byte[] json(int status, String reason) {
        String code = status == 404 ? ApiError.NOT_FOUND
                : status == 413 || status == 414 || status == 431 ? ApiError.TOO_LARGE
                : status >= 500 ? ApiError.INTERNAL : ApiError.BAD_REQUEST;
        String message = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        return Protocol.gson().toJson(ApiError.of(code, message, status)).getBytes(StandardCharsets.UTF_8);
    }
}
