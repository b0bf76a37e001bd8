package dev.hwdesc.vectors.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The newc layout, byte for byte, on a small archive. */
class NewcArchiveTest {

    @Test
    void headersNamesDataAndPadding() {
        byte[] archive = new NewcArchive()
                .directory("bin")
                .file("bin/x", 0755, "hi!".getBytes(StandardCharsets.US_ASCII))
                .symlink("sh", "bin/x")
                .charDevice("console", 0600, 5, 1)
                .finish();
        String expected =
                // ino mode uid gid nlink mtime filesize devmajor devminor rdevmajor rdevminor namesize check
                "070701" + "00000001" + "000041ed" + "00000000" + "00000000" + "00000002" + "00000000" + "00000000"
                        + "00000000" + "00000000" + "00000000" + "00000000" + "00000004" + "00000000" + "bin\0"
                        + "\0\0" // 110 + 4 = 114, padded to 116
                        + "070701" + "00000002" + "000081ed" + "00000000" + "00000000" + "00000001" + "00000000" + "00000003"
                        + "00000000" + "00000000" + "00000000" + "00000000" + "00000006" + "00000000" + "bin/x\0" // 116 + 116 = 232
                        + "hi!\0" // data padded to 236
                        + "070701" + "00000003" + "0000a1ff" + "00000000" + "00000000" + "00000001" + "00000000" + "00000005"
                        + "00000000" + "00000000" + "00000000" + "00000000" + "00000003" + "00000000" + "sh\0" // 236 + 113 = 349
                        + "\0\0\0" + "bin/x" + "\0\0\0" // to 352, then 5 bytes of target padded to 360
                        + "070701" + "00000004" + "00002180" + "00000000" + "00000000" + "00000001" + "00000000" + "00000000"
                        + "00000000" + "00000000" + "00000005" + "00000001" + "00000008" + "00000000" + "console\0" // 360 + 118 = 478
                        + "\0\0" // to 480
                        + "070701" + "00000000" + "00000000" + "00000000" + "00000000" + "00000001" + "00000000" + "00000000"
                        + "00000000" + "00000000" + "00000000" + "00000000" + "0000000b" + "00000000" + "TRAILER!!!\0" // 480 + 121 = 601
                        + "\0\0\0"; // to 604
        assertEquals(expected, new String(archive, StandardCharsets.ISO_8859_1));
    }
}
