package dev.hwdesc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GeneratedDts writes what ../shared/scripts/gen_dts.py writes: the sha256 of that script's output, byte for byte. */
class GeneratedDtsTest {

    @ParameterizedTest(name = "gen_dts.py {0} {1}")
    @CsvSource({
        "refs, 8000, 50d5098c14b7006677312dcdbc376e4c496d34d6128bd3916324175746531970",
        "tree, 100000, 71ef4c5a7a9f829b4b103c108c49260f3402364005ddf86ea4767ce9e50f3617",
        "flat, 32000, b54933fe154729e84e378ae51be608d362dfcf328a7a2dbd8edd1c09a2c9cce3",
    })
    void sameTextAsTheScript(String kind, int n, String sha256) throws Exception {
        byte[] text = GeneratedDts.text(kind, n).getBytes(StandardCharsets.US_ASCII);
        assertEquals(sha256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)));
    }
}
