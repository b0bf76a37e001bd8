package dev.hwdesc.vectors.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** QemuBoot never hangs and never holds unbounded output, whatever the process does (any command will do). */
class QemuBootTest {

    @Test
    void aProcessThatEndsGivesItsExitCodeAndOutput() {
        QemuBoot.Outcome o = QemuBoot.run(List.of("sh", "-c", "printf 'one\\r\\ntwo\\n'; echo err >&2; exit 3"), Duration.ofSeconds(30));
        assertFalse(o.killed());
        assertEquals(3, o.exitCode());
        assertEquals(List.of("one", "two", "err"), o.console().lines());
    }

    @Test
    void aProcessThatOutlivesTheTimeoutIsKilled() {
        QemuBoot.Outcome o = QemuBoot.run(List.of("sh", "-c", "echo started; exec sleep 60"), Duration.ofSeconds(1));
        assertTrue(o.killed());
        assertEquals("still running after 1 s", o.killedBecause());
        assertEquals(-1, o.exitCode());
        assertEquals(List.of("started"), o.console().lines());
        assertTrue(o.wall().toSeconds() < 30, "took " + o.wall());
    }

    @Test
    void aProcessThatPrintsTooMuchIsKilled() {
        QemuBoot.Outcome o = QemuBoot.run(List.of("yes"), Duration.ofSeconds(60));
        assertTrue(o.killed());
        assertEquals("more than " + QemuBoot.MAX_OUTPUT + " bytes of output", o.killedBecause());
        assertTrue(o.wall().toSeconds() < 30, "took " + o.wall());
    }
}
