package dev.hwdesc.acpi.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hwdesc.acpi.table.TableCodec;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.qemu.QemuVirt;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AcpiImageTest {

    private static AcpiImage image(long base) throws ConfigException {
        Platform p = new QemuVirt().platform(MachineConfig.builder().cpus(2).build());
        return AcpiImage.of(base, a -> QemuVirtTables.of(p, QemuVirtTables.Options.qemu72().withAddresses(a)));
    }

    @Test
    void rsdpFirstThenTablesEightByteAlignedEachAsTheLinkedTablesEncode() throws ConfigException {
        AcpiImage image = image(0x1000);
        byte[] blob = image.bytes();
        assertEquals("RSDP", image.placements().get(0).signature());
        assertEquals(0, image.placements().get(0).offset());
        assertEquals(40, image.placements().get(1).offset(), "the DSDT after the 36-byte RSDP, 8-byte aligned");
        for (AcpiImage.Placement p : image.placements()) {
            assertEquals(0, p.offset() % 8, p.signature());
            assertEquals(0x1000 + p.offset(), p.address());
            byte[] table = Arrays.copyOfRange(blob, p.offset(), p.offset() + p.length());
            assertArrayEquals(image.tables().bytes(p.signature()), table, p.signature());
            assertEquals(0, TableCodec.sum(table, 0, table.length), p.signature());
        }
    }

    @Test
    void refusesAMisalignedBaseAndOneThatRunsPastTheAddressSpace() {
        assertThrows(IllegalArgumentException.class, () -> image(0x1008));
        assertThrows(IllegalArgumentException.class, () -> image(-16L));
    }
}
