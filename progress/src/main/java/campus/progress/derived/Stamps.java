package campus.progress.derived;

/** Last-writer-wins order: hybrid-logical stamp, then device id, then event id, so every device picks the same winner. */
final class Stamps {

    private Stamps() {
    }

    /** Whether event a was written after event b. */
    static boolean later(long aMs, int aCount, String aDevice, String aId, long bMs, int bCount, String bDevice, String bId) {
        if (aMs != bMs) {
            return aMs > bMs;
        }
        if (aCount != bCount) {
            return aCount > bCount;
        }
        int d = aDevice.compareTo(bDevice);
        return d != 0 ? d > 0 : aId.compareTo(bId) > 0;
    }
}
