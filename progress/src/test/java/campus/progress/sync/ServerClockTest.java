package campus.progress.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServerClockTest {

    @Test
    void theDevicesClockIsCorrectedOnlyBeyondFiveMinutes() {
        ServerClock c = new ServerClock(() -> 1_000_000_000L);
        assertEquals(1_000_000_000L, c.getAsLong(), "nothing measured yet");
        c.measured(4 * 60_000);
        assertEquals(1_000_000_000L, c.getAsLong(), "within the tolerance: unchanged");
        c.measured(-(5 * 60_000 + 1));
        assertEquals(1_000_000_000L - 5 * 60_000 - 1, c.getAsLong(), "the server is behind: events are stamped by its clock");
        c.measured(40 * 60_000);
        assertEquals(1_000_000_000L + 40 * 60_000, c.getAsLong());
    }
}
