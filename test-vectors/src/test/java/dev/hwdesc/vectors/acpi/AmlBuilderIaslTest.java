package dev.hwdesc.vectors.acpi;

import static dev.hwdesc.acpi.aml.Asl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.acpi.aml.AddressSpace;
import dev.hwdesc.acpi.aml.Aml;
import dev.hwdesc.acpi.aml.ExtendedInterrupt;
import dev.hwdesc.acpi.aml.Field;
import dev.hwdesc.acpi.aml.GpioInt;
import dev.hwdesc.acpi.aml.IoPort;
import dev.hwdesc.acpi.aml.Method;
import dev.hwdesc.acpi.aml.NameString;
import dev.hwdesc.acpi.aml.OperationRegion;
import dev.hwdesc.vectors.ReferenceTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each AML construct the builder offers, against the bytes iasl 20200925 compiles from the
 * equivalent ASL at test time: the ASL goes into a small DefinitionBlock, {@code iasl -on -p}
 * compiles it (-on keeps names as written, since the builder never shortens a name), and the AML
 * after the 36-byte header must equal the builder's TermList. No expected bytes are written here.
 */
class AmlBuilderIaslTest {

    private static Arguments asl(String label, String source, Aml... terms) {
        return Arguments.of(label, source, List.of(terms));
    }

    static Stream<Arguments> constructs() {
        return Stream.of(
                asl("Scope", "Scope (\\_SB) { Name (ABCD, One) }",
                        scope("\\_SB", name("ABCD", one()))),
                asl("Device with _HID string, _UID and EISAID", """
                        Device (\\_SB.COM0) { Name (_HID, "ARMH0011") Name (_UID, Zero) Name (_CID, EISAID ("PNP0C0C")) }
                        """,
                        device("\\_SB.COM0", name("_HID", string("ARMH0011")), name("_UID", zero()),
                                name("_CID", eisaId("PNP0C0C")))),
                asl("integers of each width", """
                        Name (IZER, Zero) Name (IONE, One) Name (IONS, Ones) Name (IBYT, 0x12) Name (IWRD, 0x1234)
                        Name (IDWD, 0x12345678) Name (IQWD, 0x123456789ABCDEF0) Name (IBMX, 0xFF) Name (IWMN, 0x100)
                        Name (IDMN, 0x10000) Name (IQMN, 0x100000000)
                        """,
                        name("IZER", zero()), name("IONE", one()), name("IONS", ones()), name("IBYT", integer(0x12)),
                        name("IWRD", integer(0x1234)), name("IDWD", integer(0x12345678)),
                        name("IQWD", integer(0x123456789ABCDEF0L)), name("IBMX", integer(0xFF)),
                        name("IWMN", integer(0x100)), name("IDMN", integer(0x10000)),
                        name("IQMN", integer(0x100000000L))),
                asl("String, Unicode, ToUUID", """
                        Name (STR0, "hwdesc") Name (STR1, "") Name (UNI0, Unicode ("GICv3"))
                        Name (UID0, ToUUID ("33db4d5b-1ff7-401c-9657-7441c03dd766"))
                        Name (UID1, ToUUID ("e5c937d0-3553-4d7a-9117-ea4d19c3434d"))
                        """,
                        name("STR0", string("hwdesc")), name("STR1", string("")), name("UNI0", unicode("GICv3")),
                        name("UID0", toUuid("33db4d5b-1ff7-401c-9657-7441c03dd766")),
                        name("UID1", toUuid("e5c937d0-3553-4d7a-9117-ea4d19c3434d"))),
                asl("Buffer", """
                        Name (BUF0, Buffer () {0x01, 0x02, 0xFF}) Name (BUF1, Buffer () {0x01}) Name (BUF2, Buffer () {})
                        """,
                        name("BUF0", buffer(1, 2, 0xFF)), name("BUF1", buffer(1)), name("BUF2", buffer())),
                asl("Buffer of 300 bytes (two-byte PkgLength)", "Name (BUFL, Buffer () {" + bytesList(300) + "})",
                        name("BUFL", buffer(ramp(300)))),
                asl("Package, nested", """
                        Name (PKG0, Package () { One, 0x10, "s", Package () { Zero, \\_SB }, Buffer () {0x07} })
                        Name (PKG1, Package () {})
                        """,
                        name("PKG0", pkg(one(), integer(0x10), string("s"), pkg(zero(), path("\\_SB")), buffer(7))),
                        name("PKG1", pkg())),
                asl("Method with body, If/Else, Store, And, Or, Add, ShiftLeft, LEqual, LNot, Return", """
                        Method (MTH0, 2, Serialized)
                        {
                            Store (Arg0, Local0)
                            And (Local0, 0x0F, Local1)
                            Or (Local1, Arg1, Local1)
                            Add (Local1, One, Local2)
                            ShiftLeft (Local2, 0x04, Local3)
                            Store (And (Arg0, 0xFF), Local4)
                            If (LEqual (Local3, 0x40)) { Return (One) }
                            Else { If (LNot (Arg1)) { Return (Local0) } }
                            Return (Zero)
                        }
                        """,
                        method("MTH0", 2, true,
                                store(arg(0), local(0)),
                                and(local(0), integer(0x0F), local(1)),
                                or(local(1), arg(1), local(1)),
                                add(local(1), one(), local(2)),
                                shiftLeft(local(2), integer(4), local(3)),
                                store(and(arg(0), integer(0xFF), nullName()), local(4)),
                                ifThen(lEqual(local(3), integer(0x40)), returns(one())),
                                orElse(ifThen(lNot(arg(1)), returns(local(0)))),
                                returns(zero()))),
                asl("While, LLess, Subtract, ToInteger", """
                        Method (MTH4, 1, NotSerialized)
                        {
                            Store (Zero, Local0)
                            While (LLess (Local0, 0x14))
                            {
                                Store (ToInteger (Arg0), Local1)
                                Subtract (Local1, One, Local1)
                                Add (Local0, One, Local0)
                            }
                            Return (Local0)
                        }
                        """,
                        method("MTH4", 1, false,
                                store(zero(), local(0)),
                                whileLoop(lLess(local(0), integer(0x14)),
                                        store(toInteger(arg(0)), local(1)),
                                        subtract(local(1), one(), local(1)),
                                        add(local(0), one(), local(0))),
                                returns(local(0)))),
                asl("Method flags: 7 args, sync level 15", "Method (MTH1, 7, Serialized, 15) { Return (Arg6) }",
                        new Method(NameString.of("MTH1"), 7, true, 15, List.of(returns(arg(6))))),
                asl("Mutex, Acquire, Release, Notify, method call", """
                        Mutex (MUT0, 0x00)
                        Mutex (MUT1, 0x0F)
                        Device (DEV0) { Name (_HID, "ACPI0013") }
                        Method (MTH2, 1, NotSerialized) { Return (Arg0) }
                        Method (MTH3, 0, NotSerialized)
                        {
                            Acquire (MUT0, 0xFFFF)
                            Acquire (MUT1, 0x0000)
                            Notify (DEV0, 0x80)
                            MTH2 (0x05)
                            Release (MUT1)
                            Release (MUT0)
                        }
                        """,
                        mutex("MUT0", 0), mutex("MUT1", 15),
                        device("DEV0", name("_HID", string("ACPI0013"))),
                        method("MTH2", 1, false, returns(arg(0))),
                        method("MTH3", 0, false,
                                acquire("MUT0", 0xFFFF), acquire("MUT1", 0),
                                notifyObject(path("DEV0"), integer(0x80)),
                                call("MTH2", integer(5)),
                                release("MUT1"), release("MUT0"))),
                asl("NameStrings: root, parent prefixes, dual and multi segments", """
                        Scope (\\_SB)
                        {
                            Device (PCI0) { Name (_HID, "PNP0A08") Device (S00) { Name (_ADR, Zero) Name (VAL0, Zero)
                                Method (M000) { Return (^^VAL1) } } Name (VAL1, One) }
                        }
                        Name (\\_SB.PCI0.S00.VAL2, One)
                        Method (M001) { Return (\\_SB.PCI0.S00.VAL0) }
                        Method (M002) { Return (\\_SB.PCI0) }
                        Scope (_SB.PCI0) { Name (VAL3, 0x03) }
                        """,
                        scope("\\_SB",
                                device("PCI0", name("_HID", string("PNP0A08")),
                                        device("S00", name("_ADR", zero()), name("VAL0", zero()),
                                                method("M000", 0, false, returns(path("^^VAL1")))),
                                        name("VAL1", one()))),
                        name("\\_SB.PCI0.S00.VAL2", one()),
                        method("M001", 0, false, returns(path("\\_SB.PCI0.S00.VAL0"))),
                        method("M002", 0, false, returns(path("\\_SB.PCI0"))),
                        scope("_SB.PCI0", name("VAL3", integer(3)))),
                asl("OperationRegion and Field", """
                        OperationRegion (REG0, SystemMemory, 0x09060000, 0x1000)
                        Field (REG0, DWordAcc, NoLock, WriteAsZeros) { FLD0, 32, , 32, FLD1, 8 }
                        OperationRegion (REG1, SystemIO, 0x60, One)
                        Field (REG1, ByteAcc, Lock, Preserve) { FLD2, 8 }
                        OperationRegion (REG2, PCI_Config, Zero, 0x0100)
                        Field (REG2, AnyAcc, NoLock, WriteAsOnes) { Offset (0x40), FLD3, 16, FLD4, 400 }
                        """,
                        operationRegion("REG0", OperationRegion.RegionSpace.SYSTEM_MEMORY, integer(0x09060000),
                                integer(0x1000)),
                        field("REG0", Field.AccessType.DWORD_ACC, Field.LockRule.NO_LOCK, Field.UpdateRule.WRITE_AS_ZEROS,
                                fieldUnit("FLD0", 32), new Field.Reserved(32), fieldUnit("FLD1", 8)),
                        operationRegion("REG1", OperationRegion.RegionSpace.SYSTEM_IO, integer(0x60), one()),
                        field("REG1", Field.AccessType.BYTE_ACC, Field.LockRule.LOCK, Field.UpdateRule.PRESERVE,
                                fieldUnit("FLD2", 8)),
                        operationRegion("REG2", OperationRegion.RegionSpace.PCI_CONFIG, zero(), integer(0x100)),
                        field("REG2", Field.AccessType.ANY_ACC, Field.LockRule.NO_LOCK, Field.UpdateRule.WRITE_AS_ONES,
                                new Field.Reserved(0x40 * 8), fieldUnit("FLD3", 16), fieldUnit("FLD4", 400))),
                asl("ResourceTemplate: Memory32Fixed", """
                        Name (RT00, ResourceTemplate () { Memory32Fixed (ReadWrite, 0x09000000, 0x00001000, )
                            Memory32Fixed (ReadOnly, 0xFFFFF000, 0x00001000, ) })
                        """,
                        name("RT00", resourceTemplate(memory32Fixed(true, 0x09000000L, 0x1000),
                                memory32Fixed(false, 0xFFFFF000L, 0x1000)))),
                asl("ResourceTemplate: Interrupt", """
                        Name (RT01, ResourceTemplate () {
                            Interrupt (ResourceConsumer, Level, ActiveHigh, Exclusive, ,, ) {0x00000021}
                            Interrupt (ResourceConsumer, Edge, ActiveLow, Exclusive, ,, ) {0x00000030, 0x00000031, 0x000003FF}
                            Interrupt (ResourceProducer, Edge, ActiveHigh, SharedAndWake, ,, ) {0x00000005}
                        })
                        """,
                        name("RT01", resourceTemplate(interrupt(false, false, 0x21), interrupt(true, true, 0x30, 0x31, 0x3FF),
                                new ExtendedInterrupt(false, true, false, true, true, List.of(5L))))),
                asl("ResourceTemplate: WordBusNumber", """
                        Name (RT02, ResourceTemplate () {
                            WordBusNumber (ResourceProducer, MinFixed, MaxFixed, PosDecode, 0x0000, 0x0000, 0x00FF, 0x0000, 0x0100, ,, )
                        })
                        """,
                        name("RT02", resourceTemplate(wordBusNumber(0, 0xFF)))),
                asl("ResourceTemplate: DWordMemory and QWordMemory", """
                        Name (RT03, ResourceTemplate () {
                            DWordMemory (ResourceProducer, PosDecode, MinFixed, MaxFixed, NonCacheable, ReadWrite,
                                0x00000000, 0x10000000, 0x3EFEFFFF, 0x00000000, 0x2EFF0000, ,, , AddressRangeMemory, TypeStatic)
                            QWordMemory (ResourceProducer, PosDecode, MinFixed, MaxFixed, Cacheable, ReadWrite,
                                0x0000000000000000, 0x0000008000000000, 0x000000FFFFFFFFFF, 0x0000000000000000, 0x0000008000000000,
                                ,, , AddressRangeMemory, TypeStatic)
                            QWordMemory (ResourceProducer, PosDecode, MinFixed, MaxFixed, Prefetchable, ReadWrite,
                                0x0000000000000000, 0x4010000000, 0x401FFFFFFF, 0x0000000000000000, 0x10000000,
                                ,, , AddressRangeMemory, TypeStatic)
                        })
                        """,
                        name("RT03", resourceTemplate(
                                memory(AddressSpace.Width.DWORD, AddressSpace.Cacheable.NON_CACHEABLE, 0x10000000L, 0x2EFF0000L, 0),
                                memory(AddressSpace.Width.QWORD, AddressSpace.Cacheable.CACHEABLE, 0x8000000000L, 0x8000000000L, 0),
                                memory(AddressSpace.Width.QWORD, AddressSpace.Cacheable.PREFETCHABLE, 0x4010000000L, 0x10000000L, 0)))),
                asl("ResourceTemplate: DWordIO", """
                        Name (RT04, ResourceTemplate () {
                            DWordIO (ResourceProducer, MinFixed, MaxFixed, PosDecode, EntireRange,
                                0x00000000, 0x00000000, 0x0000FFFF, 0x3EFF0000, 0x00010000, ,, , TypeStatic, DenseTranslation)
                        })
                        """,
                        name("RT04", resourceTemplate(dwordIo(0, 0x10000, 0x3EFF0000L)))),
                asl("ResourceTemplate: IO", """
                        Name (RT05, ResourceTemplate () { IO (Decode16, 0x0060, 0x0060, 0x01, 0x01, ) IO (Decode10, 0x0200, 0x0210, 0x08, 0x10, ) })
                        """,
                        name("RT05", resourceTemplate(new IoPort(true, 0x60, 0x60, 1, 1), new IoPort(false, 0x200, 0x210, 8, 0x10)))),
                // iasl 20200925 takes one pin per GpioInt (an interrupt connection has one), so no pin list here
                asl("ResourceTemplate: GpioInt", """
                        Name (RT06, ResourceTemplate () {
                            GpioInt (Edge, ActiveHigh, Exclusive, PullUp, 0x0000, "GPO0", 0x00, ResourceConsumer, ,) {0x0003}
                            GpioInt (Level, ActiveBoth, SharedAndWake, PullNone, 0x1234, "\\\\_SB.GPO1", 0x00, ResourceConsumer, ,) {0x0001}
                        })
                        """,
                        name("RT06", resourceTemplate(
                                new GpioInt(true, GpioInt.Polarity.ACTIVE_HIGH, false, false, GpioInt.PinConfig.PULL_UP, 0,
                                        "GPO0", List.of(3)),
                                new GpioInt(false, GpioInt.Polarity.ACTIVE_BOTH, true, true, GpioInt.PinConfig.PULL_NONE,
                                        0x1234, "\\_SB.GPO1", List.of(1))))),
                asl("ResourceTemplate: empty", "Name (RT07, ResourceTemplate () {})",
                        name("RT07", resourceTemplate())),
                asl("CreateDWordField", """
                        Method (MTH4, 1, NotSerialized) { CreateDWordField (Arg0, 0x04, CDW2) Return (CDW2) }
                        """,
                        method("MTH4", 1, false, createDWordField(arg(0), integer(4), "CDW2"), returns(path("CDW2")))));
    }

    /**
     * What ASL cannot say: iasl writes a Package whenever its count fits a byte, so a VarPackage
     * with a constant count (QEMU's _PRT of 128 entries) is pinned to QEMU 7.2's own DSDT,
     * data/qemu-acpi/v7.2.0/DSDT at offset 0x9A3 (right after "_PRT"): 13 4C 73 0A 80 12 0B 04 ...
     */
    @Test
    void varPackageWithAConstantCountEqualsQemusPrt() {
        List<Aml> entries = new ArrayList<>();
        for (int slot = 0; slot < 32; slot++) {
            for (int pin = 0; pin < 4; pin++) {
                entries.add(pkg(integer((long) slot << 16 | 0xFFFF), integer(pin), path("GSI" + (slot + pin) % 4), zero()));
            }
        }
        assertVectorAt(0x9A3, varPkg(entries));
    }

    /**
     * QEMU's aml_store() in a serialized method: GED._EVT as
     * QEMU 7.2 writes it, data/qemu-acpi/v7.2.0/DSDT at offset 0x1413 (14 1D '_EVT' 09 70 'ESEL' 60 ...).
     * The ASL equivalent is also compilable; this pins the builder to QEMU's bytes as well.
     */
    @Test
    void storeInAMethodEqualsQemusGedEvt() {
        assertVectorAt(0x1413, method("_EVT", 1, true,
                store(path("ESEL"), local(0)),
                ifThen(lEqual(and(local(0), integer(2), nullName()), integer(2)),
                        notifyObject(path("PWRB"), integer(0x80)))));
    }

    private static void assertVectorAt(int offset, Aml term) {
        byte[] dsdt = QemuAcpiVectors.vector("DSDT");
        byte[] built = term.toBytes();
        HexFormat hex = HexFormat.ofDelimiter(" ");
        assertEquals(hex.formatHex(Arrays.copyOfRange(dsdt, offset, offset + built.length)), hex.formatHex(built));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructs")
    void builderEqualsIasl(String label, String source, List<Aml> terms, @TempDir Path dir) throws Exception {
        String iasl = ReferenceTool.IASL.require();
        String asl = "DefinitionBlock (\"\", \"SSDT\", 2, \"HWDESC\", \"AMLTEST\", 1)\n{\n" + source + "\n}\n";
        Files.writeString(dir.resolve("case.asl"), asl, StandardCharsets.US_ASCII);
        ReferenceTool.Result r = ReferenceTool.run(List.of(iasl, "-on", "-p", "case", "case.asl"), null, 60, dir);
        String out = r.stdoutText() + r.stderr();
        assertEquals(0, r.exitCode(), asl + out);
        assertTrue(out.contains(" 0 Errors"), asl + out);
        byte[] table = Files.readAllBytes(dir.resolve("case.aml"));
        byte[] expected = Arrays.copyOfRange(table, 36, table.length);
        HexFormat hex = HexFormat.ofDelimiter(" ");
        assertEquals(hex.formatHex(expected), hex.formatHex(Aml.encode(terms)), label + "\n" + asl);
    }

    private static String bytesList(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format("0x%02X", i & 0xFF));
        }
        return b.toString();
    }

    private static int[] ramp(int n) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = i & 0xFF;
        }
        return b;
    }
}
