package campus.progress.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolJsonTest {

    @Test
    void aPushRoundTripsAndKeepsUnknownDataVerbatim() {
        JsonObject data = JsonParser.parseString("{\"score\":1.5,\"nested\":{\"future\":[1,2]}}").getAsJsonObject();
        WireEvent e = new WireEvent("5f0c6b1e-0000-4000-8000-000000000001", "d1", 7, 1733331200123L, 2,
                "kind.from-a-newer-client", "lab-1", "2026-12-04T17:00:00Z", data, null);
        String json = Protocol.gson().toJson(new PushRequest("d1", List.of(e)));
        PushRequest back = Protocol.gson().fromJson(json, PushRequest.class);
        assertEquals(e, back.events().get(0));
        assertEquals(data, back.events().get(0).data());
    }

    @Test
    void fieldsAPeerDoesNotKnowAreIgnoredAndNullsLeftOut() {
        PullResponse r = Protocol.gson().fromJson(
                "{\"events\":[],\"have\":{\"d1\":3},\"more\":false,\"serverTimeMs\":5,\"addedLater\":{\"x\":1}}",
                PullResponse.class);
        assertEquals(Map.of("d1", 3L), r.have());
        ApiError err = ApiError.of(ApiError.SEQ_GAP, "gap", 409);
        assertEquals("{\"error\":\"seq-gap\",\"message\":\"gap\",\"status\":409}", Protocol.gson().toJson(err));
        assertNull(Protocol.gson().fromJson("{\"error\":\"x\",\"status\":400}", ApiError.class).ackedSeq());
    }

    @Test
    void aPasswordChangeWithoutTheCurrentPasswordLeavesItOut() {
        assertEquals("{\"password\":\"new secret\"}",
                Protocol.gson().toJson(new Accounts.PasswordChange(null, "new secret")));
    }
}
