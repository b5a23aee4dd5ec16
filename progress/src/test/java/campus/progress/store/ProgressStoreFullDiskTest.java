package campus.progress.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.i18n.Lang;
import campus.i18n.Msg;
import campus.progress.LearningEvent;
import campus.progress.sync.protocol.WireEvent;
import campus.progress.testing.FullDisk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress store on a real full disk (a small tmpfs filled to the last byte): events recorded then are kept in
 * memory and the learner told once, in both languages; nothing stored before is lost or changed; once there is room
 * again the waiting events are stored, in order, with the next one, without a restart. A store opened on a full disk
 * says so and is never taken for a damaged one.
 */
class ProgressStoreFullDiskTest {

    @TempDir
    Path tmp;

    private static LearningEvent lab(String id, String pad) {
        return LearningEvent.now(LearningEvent.LAB_ATTEMPT, id, Map.of("passed", true, "score", 10, "pad", pad));
    }

    @Test
    void eventsRecordedOnAFullDiskWaitAndAreStoredOnceThereIsRoom() throws Exception {
        try (FullDisk disk = FullDisk.mount(tmp.resolve("disk"), 6)) {
            Path data = disk.dir().resolve("data");
            try (ProgressStore s = ProgressStore.open(data)) {
                List<Msg> told = new CopyOnWriteArrayList<>();
                s.onProblem(told::add);
                for (int i = 0; i < 30; i++) {
                    s.record(lab("before-" + i, ""));
                }
                s.flush();
                List<WireEvent> before = s.ownEventsAfter(0, 1000);
                assertEquals(30, before.size());

                disk.fill();
                List<String> waiting = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    LearningEvent e = lab("full-" + i, "x".repeat(8000));
                    waiting.add(e.id().toString());
                    s.record(e);
                }
                s.flush();
                assertEquals(1, told.size(), "said once, not for every event: " + told);
                Msg problem = s.problem().orElseThrow();
                assertEquals("progress.store.diskFull", problem.key(), problem.in(Lang.EN));
                String en = problem.in(Lang.EN);
                assertTrue(en.startsWith("The disk is full: your progress cannot be saved in " + s.file() + " ("), en);
                assertTrue(en.endsWith("Everything saved before is kept; 5 new events wait in memory and are saved with the next"
                        + " one once there is space again: free some space and keep Campus open."), en);
                assertTrue(problem.in(Lang.ZH).startsWith("磁盘已满：无法把你的进度保存到 " + s.file()), problem.in(Lang.ZH));
                assertTrue(problem.in(Lang.ZH).contains("5 个新事件暂存在内存中"), problem.in(Lang.ZH));

                disk.free();
                LearningEvent after = lab("after", "");
                s.record(after);
                s.flush();
                assertFalse(s.problem().isPresent(), () -> s.problem().get().in(Lang.EN));
                List<WireEvent> all = s.ownEventsAfter(0, 1000);
                assertEquals(36, all.size());
                assertEquals(before, all.subList(0, 30), "what was stored before the disk filled is unchanged");
                List<String> later = all.subList(30, 36).stream().map(WireEvent::id).toList();
                List<String> expected = new ArrayList<>(waiting);
                expected.add(after.id().toString());
                assertEquals(expected, later, "the waiting events come first, in the order recorded");
                for (int i = 0; i < all.size(); i++) {
                    assertEquals(i + 1, all.get(i).seq());
                }
            }
            assertFalse(java.nio.file.Files.exists(data.resolve(LegacyLog.FILE)), "no empty or half-written old event file left");
            try (ProgressStore s = ProgressStore.open(data)) {
                assertEquals(List.of(), s.notices(), "nothing damaged, nothing to move in");
                assertEquals(36, s.count());
                assertEquals(36, s.ownEventsAfter(0, 1000).size());
            }
        }
    }

    @Test
    void aStoreOpenedOnAFullDiskSaysSoAndIsNotTakenForDamage() throws Exception {
        try (FullDisk disk = FullDisk.mount(tmp.resolve("disk"), 6)) {
            Path data = disk.dir().resolve("data");
            List<WireEvent> before;
            try (ProgressStore s = ProgressStore.open(data)) {
                for (int i = 0; i < 20; i++) {
                    s.record(lab("before-" + i, ""));
                }
                s.flush();
                before = s.ownEventsAfter(0, 1000);
            }
            disk.fill();
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> ProgressStore.open(data).close());
            assertEquals("progress.store.unavailableDiskFull", e.msg().key(), e.msg().in(Lang.EN));
            assertTrue(e.msg().in(Lang.EN).startsWith("The progress store " + data.resolve("progress/store.mv.db")
                    + " cannot be opened: the disk is full ("), e.msg().in(Lang.EN));
            assertTrue(e.msg().in(Lang.EN).endsWith("Nothing in it is lost; free some space and try again."), e.msg().in(Lang.EN));
            assertTrue(e.msg().in(Lang.ZH).startsWith("无法打开进度库 "), e.msg().in(Lang.ZH));

            disk.free();
            try (ProgressStore s = ProgressStore.open(data)) {
                assertTrue(s.notices().stream().noneMatch(n -> n.key().equals("progress.store.damaged")), s.notices().toString());
                assertEquals(before, s.ownEventsAfter(0, 1000));
            }
        }
    }
}
