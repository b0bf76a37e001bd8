package dev.hwdesc.acpi.qemu;

import static dev.hwdesc.acpi.aml.Asl.acquire;
import static dev.hwdesc.acpi.aml.Asl.add;
import static dev.hwdesc.acpi.aml.Asl.arg;
import static dev.hwdesc.acpi.aml.Asl.call;
import static dev.hwdesc.acpi.aml.Asl.createDWordField;
import static dev.hwdesc.acpi.aml.Asl.device;
import static dev.hwdesc.acpi.aml.Asl.eisaId;
import static dev.hwdesc.acpi.aml.Asl.field;
import static dev.hwdesc.acpi.aml.Asl.fieldUnit;
import static dev.hwdesc.acpi.aml.Asl.ifThen;
import static dev.hwdesc.acpi.aml.Asl.integer;
import static dev.hwdesc.acpi.aml.Asl.lEqual;
import static dev.hwdesc.acpi.aml.Asl.lLess;
import static dev.hwdesc.acpi.aml.Asl.local;
import static dev.hwdesc.acpi.aml.Asl.memory32Fixed;
import static dev.hwdesc.acpi.aml.Asl.method;
import static dev.hwdesc.acpi.aml.Asl.mutex;
import static dev.hwdesc.acpi.aml.Asl.name;
import static dev.hwdesc.acpi.aml.Asl.notifyObject;
import static dev.hwdesc.acpi.aml.Asl.one;
import static dev.hwdesc.acpi.aml.Asl.operationRegion;
import static dev.hwdesc.acpi.aml.Asl.orElse;
import static dev.hwdesc.acpi.aml.Asl.path;
import static dev.hwdesc.acpi.aml.Asl.release;
import static dev.hwdesc.acpi.aml.Asl.resourceTemplate;
import static dev.hwdesc.acpi.aml.Asl.returns;
import static dev.hwdesc.acpi.aml.Asl.store;
import static dev.hwdesc.acpi.aml.Asl.string;
import static dev.hwdesc.acpi.aml.Asl.subtract;
import static dev.hwdesc.acpi.aml.Asl.toInteger;
import static dev.hwdesc.acpi.aml.Asl.whileLoop;
import static dev.hwdesc.acpi.aml.Asl.zero;

import dev.hwdesc.acpi.aml.AddressSpace;
import dev.hwdesc.acpi.aml.Aml;
import dev.hwdesc.acpi.aml.Field;
import dev.hwdesc.acpi.aml.Field.AccessType;
import dev.hwdesc.acpi.aml.Field.LockRule;
import dev.hwdesc.acpi.aml.Field.UpdateRule;
import dev.hwdesc.acpi.aml.OperationRegion.RegionSpace;
import dev.hwdesc.platform.Ged;
import java.util.ArrayList;
import java.util.List;

/**
 * The DSDT's side of QEMU's ACPI memory hotplug interface (docs/specs/acpi_mem_hotplug.rst), as
 * QEMU 7.2 writes it for virt's DIMM slots: {@code \_SB.MHPD} holds the register block,
 * {@code \_SB.MHPC} the methods that select a slot and read it (address, size, proximity, state),
 * scan for insert and remove events and pass on _OST and eject, and one {@code MPxx} memory device
 * per slot. The generic event device calls {@code \_SB.MHPC.MSCN} on its memory hotplug event.
 */
final class QemuMemoryHotplug {

    /** The method the generic event device calls to scan the slots for events. */
    static final String SCAN_METHOD = "\\_SB.MHPC.MSCN";
    private static final String REGISTERS = "\\_SB.MHPD.HPMR";
    /** Notify values: a device check (inserted), an eject request (to be removed). */
    private static final int DEVICE_CHECK = 1;
    private static final int EJECT_REQUEST = 3;
    /** _STA: present, enabled, functioning, not shown in the UI; a slot's: all four. */
    private static final int CONTAINER_PRESENT = 0x0B;
    private static final int SLOT_PRESENT = 0x0F;
    private static final int NO_TIMEOUT = 0xFFFF;
    /** The byte offset of the slot state bits in the register block (ReservedField before them). */
    private static final int STATE_BITS_OFFSET = 20;
    /** Where CreateDWordField finds a DWord's low and high halves in a QWordMemory (and a DWordMemory) descriptor. */
    private static final int QWORD_MIN = 14;
    private static final int QWORD_MAX = 22;
    private static final int QWORD_LENGTH = 38;
    private static final int DWORD_MIN = 10;
    private static final int DWORD_MAX = 14;
    private static final int DWORD_LENGTH = 22;

    private QemuMemoryHotplug() {
    }

    /** {@code \_SB.MHPD} and {@code \_SB.MHPC}, in that order. */
    static List<Aml> devices(Ged.MemoryHotplug hotplug) {
        return List.of(registers(hotplug), container(hotplug.slots()));
    }

    private static Aml registers(Ged.MemoryHotplug hotplug) {
        long base = hotplug.registers().base();
        long size = hotplug.registers().size();
        return device("\\_SB.MHPD",
                name("_HID", string("PNP0A06")),
                name("_UID", string("Memory hotplug resources")),
                name("_CRS", resourceTemplate(memory32Fixed(true, base, size))),
                operationRegion("HPMR", RegionSpace.SYSTEM_MEMORY, integer(base), integer(size)));
    }

    private static Aml container(int slots) {
        List<Aml> terms = new ArrayList<>(List.of(
                name("_HID", string("PNP0A06")),
                name("_UID", string("DIMM devices")),
                name("MDNR", integer(slots)),
                field(REGISTERS, AccessType.DWORD_ACC, LockRule.NO_LOCK, UpdateRule.PRESERVE,
                        fieldUnit("MRBL", 32), fieldUnit("MRBH", 32), fieldUnit("MRLL", 32), fieldUnit("MRLH", 32),
                        fieldUnit("MPX", 32)),
                field(REGISTERS, AccessType.BYTE_ACC, LockRule.NO_LOCK, UpdateRule.WRITE_AS_ZEROS,
                        new Field.Reserved(STATE_BITS_OFFSET * 8), fieldUnit("MES", 1), fieldUnit("MINS", 1),
                        fieldUnit("MRMV", 1), fieldUnit("MEJ", 1)),
                field(REGISTERS, AccessType.DWORD_ACC, LockRule.NO_LOCK, UpdateRule.PRESERVE,
                        fieldUnit("MSEL", 32), fieldUnit("MOEV", 32), fieldUnit("MOSC", 32)),
                method("_STA", 0, false,
                        ifThen(lEqual(path("MDNR"), zero()), returns(zero())),
                        returns(integer(CONTAINER_PRESENT))),
                mutex("MLCK", 0),
                scan(),
                method("MRST", 1, false,
                        store(zero(), local(0)),
                        acquire("MLCK", NO_TIMEOUT),
                        store(toInteger(arg(0)), path("MSEL")),
                        ifThen(lEqual(path("MES"), one()), store(integer(SLOT_PRESENT), local(0))),
                        release("MLCK"),
                        returns(local(0))),
                currentResources(),
                method("MPXM", 1, false,
                        acquire("MLCK", NO_TIMEOUT),
                        store(toInteger(arg(0)), path("MSEL")),
                        store(path("MPX"), local(0)),
                        release("MLCK"),
                        returns(local(0))),
                method("MOST", 4, false,
                        acquire("MLCK", NO_TIMEOUT),
                        store(toInteger(arg(0)), path("MSEL")),
                        store(arg(1), path("MOEV")),
                        store(arg(2), path("MOSC")),
                        release("MLCK")),
                method("MEJ0", 2, false,
                        acquire("MLCK", NO_TIMEOUT),
                        store(toInteger(arg(0)), path("MSEL")),
                        store(one(), path("MEJ")),
                        release("MLCK"))));
        for (int i = 0; i < slots; i++) {
            terms.add(slot(i));
        }
        List<Aml> notify = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            notify.add(ifThen(lEqual(arg(0), integer(i)), notifyObject(path(slotName(i)), arg(1))));
        }
        terms.add(method("MTFY", 2, false, notify));
        return device("\\_SB.MHPC", terms);
    }

    /** MSCN: for each slot with an insert (remove) event, notify it and clear the event. */
    private static Aml scan() {
        return method("MSCN", 0, false,
                ifThen(lEqual(path("MDNR"), zero()), returns(zero())),
                store(zero(), local(0)),
                acquire("MLCK", NO_TIMEOUT),
                whileLoop(lLess(local(0), path("MDNR")),
                        store(local(0), path("MSEL")),
                        ifThen(lEqual(path("MINS"), one()),
                                call("MTFY", local(0), integer(DEVICE_CHECK)),
                                store(one(), path("MINS"))),
                        orElse(ifThen(lEqual(path("MRMV"), one()),
                                call("MTFY", local(0), integer(EJECT_REQUEST)),
                                store(one(), path("MRMV")))),
                        add(local(0), one(), local(0))),
                release("MLCK"),
                returns(one()));
    }

    /**
     * MCRS: the selected slot's range as a QWordMemory resource (its maximum computed in two 32-bit
     * halves with a carry), or as a DWordMemory one when it lies below 4 GiB.
     */
    private static Aml currentResources() {
        return method("MCRS", 1, true,
                acquire("MLCK", NO_TIMEOUT),
                store(toInteger(arg(0)), path("MSEL")),
                name("MR64", resourceTemplate(anyMemory(AddressSpace.Width.QWORD))),
                createDWordField(path("MR64"), integer(QWORD_MIN), "MINL"),
                createDWordField(path("MR64"), integer(QWORD_MIN + 4), "MINH"),
                createDWordField(path("MR64"), integer(QWORD_LENGTH), "LENL"),
                createDWordField(path("MR64"), integer(QWORD_LENGTH + 4), "LENH"),
                createDWordField(path("MR64"), integer(QWORD_MAX), "MAXL"),
                createDWordField(path("MR64"), integer(QWORD_MAX + 4), "MAXH"),
                store(path("MRBH"), path("MINH")),
                store(path("MRBL"), path("MINL")),
                store(path("MRLH"), path("LENH")),
                store(path("MRLL"), path("LENL")),
                add(path("MINL"), path("LENL"), path("MAXL")),
                add(path("MINH"), path("LENH"), path("MAXH")),
                ifThen(lLess(path("MAXL"), path("MINL")), add(path("MAXH"), one(), path("MAXH"))),
                ifThen(lLess(path("MAXL"), one()), subtract(path("MAXH"), one(), path("MAXH"))),
                subtract(path("MAXL"), one(), path("MAXL")),
                ifThen(lEqual(path("MAXH"), zero()),
                        name("MR32", resourceTemplate(anyMemory(AddressSpace.Width.DWORD))),
                        createDWordField(path("MR32"), integer(DWORD_MIN), "MIN"),
                        createDWordField(path("MR32"), integer(DWORD_MAX), "MAX"),
                        createDWordField(path("MR32"), integer(DWORD_LENGTH), "LEN"),
                        store(path("MINL"), path("MIN")),
                        store(path("MAXL"), path("MAX")),
                        store(path("LENL"), path("LEN")),
                        release("MLCK"),
                        returns(path("MR32"))),
                release("MLCK"),
                returns(path("MR64")));
    }

    /** A cacheable read-write memory range template spanning the whole space, filled in at run time. */
    private static AddressSpace anyMemory(AddressSpace.Width width) {
        long all = width == AddressSpace.Width.QWORD ? -1L : 0xFFFFFFFFL;
        return new AddressSpace(width, AddressSpace.ResourceType.MEMORY, false, false, true, true,
                AddressSpace.memoryFlags(true, AddressSpace.Cacheable.CACHEABLE), 0, 0, all - 1, 0, all);
    }

    /** MPxx: a memory device whose methods ask the container about slot xx (its _UID). */
    private static Aml slot(int i) {
        return device(slotName(i),
                name("_UID", string(String.format("0x%02X", i))),
                name("_HID", eisaId("PNP0C80")),
                method("_CRS", 0, false, returns(call("MCRS", path("_UID")))),
                method("_STA", 0, false, returns(call("MRST", path("_UID")))),
                method("_PXM", 0, false, returns(call("MPXM", path("_UID")))),
                method("_OST", 3, false, call("MOST", path("_UID"), arg(0), arg(1), arg(2))),
                method("_EJ0", 1, false, call("MEJ0", path("_UID"), arg(0))));
    }

    private static String slotName(int i) {
        return String.format("MP%02X", i);
    }
}
