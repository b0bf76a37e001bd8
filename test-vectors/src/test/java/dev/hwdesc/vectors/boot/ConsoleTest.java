package dev.hwdesc.vectors.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading /init's marker lines and base64 dumps back from a console. */
class ConsoleTest {

    private static final byte[] BLOB = "a blob of some bytes \0\1\2".getBytes(StandardCharsets.ISO_8859_1);

    private static Console console(String sha256, String... extraDumpLines) {
        String b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(BLOB);
        String text = "[    0.000000] Booting Linux\r\n@@BOOT cpus 4\r\n@@BOOT BEGIN fdt " + BLOB.length + " " + sha256 + "\r\n"
                + String.join("\r\n", extraDumpLines) + (extraDumpLines.length > 0 ? "\r\n" : "")
                + b64 + "\r\n@@BOOT END fdt\r\n@@BOOT DONE\r\n";
        return new Console(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void factsAndKernelLines() {
        Console c = console(Console.sha256(BLOB));
        assertEquals(Optional.of("4"), c.fact("cpus"));
        assertEquals(Optional.of(""), c.fact("DONE"));
        assertEquals(Optional.empty(), c.fact("cpu"));
        assertEquals(Optional.of("[    0.000000] Booting Linux"), c.lineContaining("Booting"));
    }

    @Test
    void aDumpDecodesWhenSizeAndSha256Match() {
        assertArrayEquals(BLOB, console(Console.sha256(BLOB)).blob("fdt"));
    }

    @Test
    void aDumpWithAnotherSha256Fails() {
        AssertionError e = assertThrows(AssertionError.class, () -> console("00".repeat(32)).blob("fdt"));
        assertTrue(e.getMessage().contains("decodes to " + BLOB.length + " bytes"), e.getMessage());
    }

    @Test
    void aStrayLineInsideADumpFails() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> console(Console.sha256(BLOB), "[    5.1] random: crng init done").blob("fdt"));
        assertTrue(e.getMessage().contains("not base64"), e.getMessage());
    }

    @Test
    void aMissingDumpFails() {
        assertThrows(AssertionError.class, () -> console(Console.sha256(BLOB)).blob("other"));
    }
}
