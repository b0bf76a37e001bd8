package dev.hwdesc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "4096, 4096", "512M, 536870912", "512MiB, 536870912", "512 MB, 536870912", "1G, 1073741824",
        "2GiB, 2147483648", "1.5G, 1610612736", "16k, 16384", "1T, 1099511627776", "0, 0",
        "16777215T, 18446742974197923840",
    })
    void readsQemusAndIecUnitsAsBinary(String text, String bytes) {
        assertEquals(Optional.of(Long.parseUnsignedLong(bytes)), Sizes.parse(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"lots", "1X", "'-1G'", "0.3", "16777216T", "G", "1e3", "''"})
    void refusesWhatIsNotAWholeSize(String text) {
        assertEquals(Optional.empty(), Sizes.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0x48000000, 1207959552", "1207959552, 1207959552", "0xffffffffffffffff, -1", "0x4000_0000, 1073741824"})
    void readsAddresses(String text, long value) {
        assertEquals(Optional.of(value), Sizes.parseAddress(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"0x10000000000000000", "-5", "0xg", "''"})
    void refusesBadAddresses(String text) {
        assertEquals(Optional.empty(), Sizes.parseAddress(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2147483648, 2 GiB", "536870912, 512 MiB", "1536, 1536 bytes", "0, 0 bytes", "24576, 24 KiB"})
    void describesWithTheLargestWholeUnit(long bytes, String text) {
        assertEquals(text, Sizes.describe(bytes));
    }
}
