package dev.hwdesc.acpi.aml;

import static dev.hwdesc.acpi.aml.Asl.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hwdesc.acpi.aml.Field.AccessType;
import dev.hwdesc.acpi.aml.Field.LockRule;
import dev.hwdesc.acpi.aml.Field.UpdateRule;
import dev.hwdesc.acpi.aml.OperationRegion.RegionSpace;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scope, Device, Name, Method, OperationRegion, Field and Mutex, against QEMU 7.2's virt DSDT and iasl. */
class NamedObjectsTest {

    @Test
    void deviceWithNames() {
        // QEMU 7.2 virt DSDT: Device (C000) { Name (_HID, "ACPI0007") Name (_UID, Zero) }
        assertArrayEquals(Hex.bytes("5B 82 1A 'C000' 08 '_HID' 0D 'ACPI0007' 00 08 '_UID' 00"),
                device("C000", name("_HID", string("ACPI0007")), name("_UID", zero())).toBytes());
    }

    @Test
    void scopeFramesItsNameAndTerms() {
        assertArrayEquals(Hex.bytes("10 06 5C '_SB_'"), scope("\\_SB").toBytes());
        assertArrayEquals(Hex.bytes("10 0D 5C '_SB_' 5B 82 05 'PWRB'"), scope("\\_SB", device("PWRB")).toBytes());
    }

    @Test
    void largeBodiesTakeLongerPkgLengths() {
        List<Aml> names = Collections.nCopies(10, name("ABCD", zero()));
        // 4 (name) + 10 * 6 = 64 bytes of body: a two-byte PkgLength of 66 = 0x42
        assertArrayEquals(Hex.bytes("42 04"), java.util.Arrays.copyOfRange(device("ABCD", names).toBytes(), 2, 4));
    }

    @Test
    void methodFlagsHoldArgsAndSerialized() {
        // QEMU 7.2 virt DSDT, GSIn: Method (_SRS, 1, NotSerialized) { }
        assertArrayEquals(Hex.bytes("14 06 '_SRS' 01"), method("_SRS", 1, false).toBytes());
        // Method (_EVT, 1, Serialized): flags 0x09
        assertArrayEquals(Hex.bytes("14 06 '_EVT' 09"), method("_EVT", 1, true).toBytes());
        assertArrayEquals(Hex.bytes("14 06 'TST_' F7"),
                new Method(path("TST"), 7, false, 15, List.of()).toBytes());
        assertThrows(IllegalArgumentException.class, () -> method("X", 8, false));
    }

    @Test
    void operationRegionAndField() {
        // QEMU 7.2 virt DSDT, GED: OperationRegion (EREG, SystemMemory, 0x09080000, 0x04)
        assertArrayEquals(Hex.bytes("5B 80 'EREG' 00 0C 00 00 08 09 0A 04"),
                operationRegion("EREG", RegionSpace.SYSTEM_MEMORY, integer(0x09080000L), integer(4)).toBytes());
        // Field (EREG, DWordAcc, NoLock, WriteAsZeros) { ESEL, 32 }
        assertArrayEquals(Hex.bytes("5B 81 0B 'EREG' 43 'ESEL' 20"),
                field("EREG", AccessType.DWORD_ACC, LockRule.NO_LOCK, UpdateRule.WRITE_AS_ZEROS,
                        fieldUnit("ESEL", 32)).toBytes());
        // Field (PCST, ByteAcc, Lock, Preserve) { , 8, PCIU, 32 }
        assertArrayEquals(Hex.bytes("5B 81 0D 'PCST' 11 00 08 'PCIU' 20"),
                field("PCST", AccessType.BYTE_ACC, LockRule.LOCK, UpdateRule.PRESERVE,
                        new Field.Reserved(8), fieldUnit("PCIU", 32)).toBytes());
    }

    @Test
    void mutexAcquireRelease() {
        // iasl 20200925: Mutex (BLCK, 0); Acquire (BLCK, 0xFFFF); Release (BLCK)
        assertArrayEquals(Hex.bytes("5B 01 'BLCK' 00"), mutex("BLCK", 0).toBytes());
        assertArrayEquals(Hex.bytes("5B 23 'BLCK' FF FF"), acquire("BLCK", 0xFFFF).toBytes());
        assertArrayEquals(Hex.bytes("5B 27 'BLCK'"), release("BLCK").toBytes());
    }

    @Test
    void definitionBlockBodyIsItsTermsInOrder() {
        assertArrayEquals(Hex.bytes("08 'A___' 00 08 'B___' 01"),
                new DefinitionBlock(List.of(name("A", zero()), name("B", one()))).body());
    }
}
