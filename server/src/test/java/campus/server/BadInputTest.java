package campus.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.sync.protocol.ApiError;
import campus.progress.sync.protocol.Protocol;
import campus.server.testing.TestClient;
import campus.server.testing.TestClient.Reply;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whatever a client sends, the answer is a JSON error with a 4xx status and a message naming what is wrong:
 * never a 5xx, never a stack trace, never an HTML page.
 */
class BadInputTest {

    static TestDatabase db;
    static TestServer server;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create("h2");
        server = TestServer.start(db);
        token = server.client().newAccount(server.adminToken(), "learner", "fuzz", "fuzz's password").token();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        db.close();
    }

    static final String EVENT = "{\"id\":\"%s\",\"device\":\"d\",\"seq\":%s,\"hlcMs\":1,\"kind\":\"lab.attempt\"}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            not JSON           | {"device":"d","events":[                           | the request body is not valid JSON (line 1, column 25)
            lenient JSON       | {device:'d',events:[]}                             | the request body is not valid JSON (line 1, column 3)
            trailing data      | {"device":"d","events":[]} {}                      | the request body has more after its JSON value
            an array           | [1,2]                                              | the request body must be a JSON object
            empty              | ~~                                                 | the request body is empty; a JSON object was expected
            device a number    | {"device":5,"events":[]}                           | device: expected a string, got 5
            events an object   | {"device":"d","events":{}}                         | events: expected an array, got {}
            events missing     | {"device":"d"}                                     | events: missing
            device missing     | {"events":[]}                                      | device: missing
            seq huge           | {"device":"d","events":[{"id":"a","device":"d","seq":1e400,"hlcMs":1,"kind":"k"}]} | events[0].seq: expected a whole number from 1 to 9007199254740991, got 1e400
            seq absurd exponent| {"device":"d","events":[{"id":"a","device":"d","seq":1e999999999999,"hlcMs":1,"kind":"k"}]} | events[0].seq: expected a whole number from 1 to 9007199254740991, got 1e999999999999
            seq fractional     | {"device":"d","events":[{"id":"a","device":"d","seq":3.5,"hlcMs":1,"kind":"k"}]} | events[0].seq: expected a whole number from 1 to 9007199254740991, got 3.5
            seq a string       | {"device":"d","events":[{"id":"a","device":"d","seq":"1","hlcMs":1,"kind":"k"}]} | events[0].seq: expected a whole number from 1 to 9007199254740991, got "1"
            seq zero           | {"device":"d","events":[{"id":"a","device":"d","seq":0,"hlcMs":1,"kind":"k"}]} | events[0].seq: expected a whole number from 1 to 9007199254740991, got 0
            hlcCount too big   | {"device":"d","events":[{"id":"a","device":"d","seq":1,"hlcMs":1,"hlcCount":99999999999,"kind":"k"}]} | events[0].hlcCount: expected a whole number from 0 to 2147483647, got 99999999999
            kind missing       | {"device":"d","events":[{"id":"a","device":"d","seq":1,"hlcMs":1}]} | events[0].kind: missing
            data not an object | {"device":"d","events":[{"id":"a","device":"d","seq":1,"hlcMs":1,"kind":"k","data":[1]}]} | events[0].data: expected an object, got [1]
            event not object   | {"device":"d","events":[7]}                        | events[0]: expected an event object
            other device       | {"device":"d","events":[{"id":"a","device":"e","seq":1,"hlcMs":1,"kind":"k"}]} | events[0].device: 'e' is not the pushing device 'd'
            not contiguous     | {"device":"d","events":[{"id":"a","device":"d","seq":1,"hlcMs":1,"kind":"k"},{"id":"b","device":"d","seq":3,"hlcMs":1,"kind":"k"}]} | events[1].seq: expected 2, got 3 (a push is contiguous and ascending)
            same id twice      | {"device":"d","events":[{"id":"a","device":"d","seq":1,"hlcMs":1,"kind":"k"},{"id":"a","device":"d","seq":2,"hlcMs":1,"kind":"k"}]} | events[1].id: 'a' appears twice in this push
            NUL in a kind      | {"device":"d","events":[{"id":"a","device":"d","seq":1,"hlcMs":1,"kind":"k\\u0000"}]} | events[0].kind: contains a NUL character
            lone surrogate     | {"device":"d","events":[{"id":"a","device":"d","seq":1,"hlcMs":1,"kind":"k","data":{"x":"\\ud800"}}]} | events[0]: contains a lone UTF-16 surrogate (\\ud800)
            """)
    void aMalformedPushIsABadRequestThatSaysWhatIsWrong(String what, String body, String message) throws Exception {
        Reply r = server.client().postRaw(Protocol.PUSH, token, body == null ? "" : body);
        assertEquals(400, r.status(), what + ": " + r.body());
        assertEquals(ApiError.of(ApiError.BAD_REQUEST, message, 400), r.error(), what);
        assertTrue(r.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void unknownFieldsAreIgnoredAndDeepNestingRefused() throws Exception {
        TestClient c = server.client();
        assertEquals(200, c.postRaw(Protocol.PUSH, token, "{\"device\":\"u\",\"events\":[],\"fromTheFuture\":[1]}").status());
        String deep = "{\"device\":\"u\",\"events\":[],\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        Reply r = c.postRaw(Protocol.PUSH, token, deep);
        assertEquals(ApiError.of(ApiError.BAD_REQUEST, "the request body is nested deeper than 64 levels", 400), r.error());
        Reply pull = c.postRaw(Protocol.PULL, token, "{\"device\":\"u\",\"have\":{\"u\":-1},\"limit\":5000}");
        assertEquals("have.u: expected a whole number from 0 to 9007199254740991, got -1", pull.error().message());
        Reply limit = c.postRaw(Protocol.PULL, token, "{\"device\":\"u\",\"limit\":5000}");
        assertEquals("limit: expected a whole number from 1 to 1000, got 5000", limit.error().message());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrChunked() throws Exception {
        byte[] big = new byte[Protocol.MAX_BODY_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        TestClient c = server.client();
        Reply declared = c.postRaw(Protocol.PUSH, token, new String(big, StandardCharsets.US_ASCII));
        assertEquals(413, declared.status());
        assertEquals(ApiError.TOO_LARGE, declared.error().error());
        Reply chunked = c.postChunked(Protocol.PUSH, token, new byte[8 * Protocol.MAX_BODY_BYTES], 64 * 1024);
        assertEquals(413, chunked.status());
        assertEquals(ApiError.TOO_LARGE, chunked.error().error());
        assertEquals(200, c.get(Protocol.HEALTH, null).status());
    }

    @Test
    void tooManyEventsAndBadTextAreRefused() throws Exception {
        StringBuilder events = new StringBuilder();
        for (int i = 1; i <= Protocol.MAX_PUSH_EVENTS + 1; i++) {
            events.append(i > 1 ? "," : "").append(String.format(EVENT, "e" + i, i));
        }
        Reply r = server.client().postRaw(Protocol.PUSH, token, "{\"device\":\"d\",\"events\":[" + events + "]}");
        assertEquals("events: at most 500 in one push, got 501", r.error().message());
        Reply latin1 = server.client().postChunked(Protocol.PUSH, token, "{\"device\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1), 4);
        assertEquals(ApiError.of(ApiError.BAD_REQUEST, "the request body is not UTF-8 text", 400), latin1.error());
    }

    @Test
    void anOldOrGarbledProtocolVersionIsToldSo() throws Exception {
        Reply old = server.client().withHeaders(Map.of(Protocol.HEADER, "0")).post(Protocol.PULL, token, Map.of("device", "d"));
        assertEquals(426, old.status());
        ApiError e = old.error();
        assertEquals(ApiError.PROTOCOL_TOO_OLD, e.error());
        assertEquals(Protocol.MIN_VERSION, e.minProtocol());
        assertEquals(Protocol.VERSION, e.maxProtocol());
        assertEquals("this server speaks sync protocol 1 to 1, the client 0; update Campus", e.message());
        Reply garbled = server.client().withHeaders(Map.of(Protocol.HEADER, "one")).get(Protocol.ACCOUNT, token);
        assertEquals(400, garbled.status());
        Reply newer = server.client().withHeaders(Map.of(Protocol.HEADER, "7")).get(Protocol.ACCOUNT, token);
        assertEquals(200, newer.status());
        assertEquals("1", newer.header(Protocol.HEADER));
        assertEquals(200, server.client().withHeaders(Map.of(Protocol.HEADER, "0")).get(Protocol.HEALTH, null).status());
    }

    @Test
    void unknownEndpointsAndWrongMethodsAreJsonNotFound() throws Exception {
        Reply r = server.client().get("/api/v1/nothing-here", null);
        assertEquals(ApiError.of(ApiError.NOT_FOUND, "no such endpoint: GET /api/v1/nothing-here", 404), r.error());
        assertEquals(404, server.client().get(Protocol.PUSH, token).status());
        assertEquals(404, server.client().get("/", null).status());
    }

    @Test
    void garbageHttpIsAnsweredWithJsonByTheConnectorToo() throws Exception {
        URI u = URI.create(server.url());
        String huge = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n";
        assertTrue(raw(u, huge).matches("(?s)HTTP/1.1 431 .*\\{\"error\":\"too-large\".*"), raw(u, huge));
        String badChunk = "POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n";
        String answer = raw(u, badChunk);
        assertTrue(answer.startsWith("HTTP/1.1 4"), answer);
        assertTrue(!answer.contains("<html") && !answer.contains("Exception"), answer);
    }

    private static String raw(URI u, String request) throws Exception {
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
