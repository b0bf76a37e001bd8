package dev.hwdesc.acpi.aml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * AML terms in ASL's words, so that code building a table reads like the ASL it stands for:
 * {@code device("COM0", name("_HID", string("ARMH0011")), ...)}. Where an ASL keyword is a Java
 * keyword, the factory says what it builds ({@code ifThen}, {@code orElse}, {@code returns}).
 */
public final class Asl {

    private Asl() {
    }

    // Names, scopes and objects

    public static NameString path(String path) {
        return NameString.of(path);
    }

    /** The empty name (NullName), the target that discards a result. */
    public static NameString nullName() {
        return new NameString(false, 0, List.of());
    }

    public static Scope scope(String path, Aml... terms) {
        return new Scope(path(path), List.of(terms));
    }

    public static Scope scope(String path, List<? extends Aml> terms) {
        return new Scope(path(path), List.copyOf(terms));
    }

    public static Device device(String path, Aml... terms) {
        return new Device(path(path), List.of(terms));
    }

    public static Device device(String path, List<? extends Aml> terms) {
        return new Device(path(path), List.copyOf(terms));
    }

    public static Name name(String path, Aml value) {
        return new Name(path(path), value);
    }

    public static Method method(String path, int argCount, boolean serialized, Aml... terms) {
        return new Method(path(path), argCount, serialized, 0, List.of(terms));
    }

    public static Method method(String path, int argCount, boolean serialized, List<? extends Aml> terms) {
        return new Method(path(path), argCount, serialized, 0, List.copyOf(terms));
    }

    public static Mutex mutex(String path, int syncLevel) {
        return new Mutex(path(path), syncLevel);
    }

    public static OperationRegion operationRegion(String path, OperationRegion.RegionSpace space, Aml offset,
            Aml length) {
        return new OperationRegion(path(path), space, offset, length);
    }

    public static Field field(String region, Field.AccessType access, Field.LockRule lock, Field.UpdateRule update,
            Field.Unit... units) {
        return new Field(path(region), access, lock, update, List.of(units));
    }

    public static Field.Named fieldUnit(String name, int bits) {
        return new Field.Named(name, bits);
    }

    public static CreateBufferField createDWordField(Aml source, Aml index, String name) {
        return new CreateBufferField(CreateBufferField.Size.DWORD, source, index, path(name));
    }

    // Data

    public static AmlInteger integer(long value) {
        return AmlInteger.of(value);
    }

    public static AmlInteger zero() {
        return AmlInteger.of(0);
    }

    public static AmlInteger one() {
        return AmlInteger.of(1);
    }

    public static AmlInteger ones() {
        return AmlInteger.of(-1L);
    }

    public static AmlString string(String s) {
        return new AmlString(s);
    }

    public static Buffer buffer(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0 || bytes[i] > 0xFF) {
                throw new IllegalArgumentException("a buffer byte is 0-0xFF, not " + bytes[i]);
            }
            b[i] = (byte) bytes[i];
        }
        return new Buffer(b);
    }

    public static Package pkg(Aml... elements) {
        return new Package(List.of(elements));
    }

    public static VarPackage varPkg(List<? extends Aml> elements) {
        return new VarPackage(List.copyOf(elements));
    }

    /** Unicode("text"): a Buffer of the UTF-16LE characters and a 16-bit NUL. */
    public static Buffer unicode(String text) {
        byte[] chars = text.getBytes(StandardCharsets.UTF_16LE);
        return new Buffer(Arrays.copyOf(chars, chars.length + 2));
    }

    /**
     * ToUUID("aabbccdd-eeff-gghh-iijj-kkllmmnnoopp"): a 16-byte Buffer with the first three groups
     * little-endian and the last two in text order (ACPI 6.4 section 19.6.142).
     */
    public static Buffer toUuid(String text) {
        UUID u = UUID.fromString(text);
        if (!u.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a UUID of the form 8-4-4-4-12 hex digits");
        }
        long hi = u.getMostSignificantBits();
        long lo = u.getLeastSignificantBits();
        byte[] b = new byte[16];
        int time = (int) (hi >>> 32);
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) (time >>> (8 * i));
        }
        b[4] = (byte) (hi >>> 16);
        b[5] = (byte) (hi >>> 24);
        b[6] = (byte) hi;
        b[7] = (byte) (hi >>> 8);
        for (int i = 0; i < 8; i++) {
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return new Buffer(b);
    }

    /**
     * EISAID("PNP0C0C"): three letters compressed into 5 bits each and four hex digits, as a 32-bit
     * value whose bytes are swapped into the order the ID is read in; always a DWordConst.
     */
    public static AmlInteger eisaId(String id) {
        if (!id.matches("[A-Z]{3}[0-9A-F]{4}")) {
            throw new IllegalArgumentException("'" + id + "' is not an EISA ID (3 capitals, 4 hex digits)");
        }
        long v = (long) (id.charAt(0) - 0x40) << 26 | (long) (id.charAt(1) - 0x40) << 21
                | (long) (id.charAt(2) - 0x40) << 16 | Long.parseLong(id.substring(3), 16);
        long swapped = Integer.toUnsignedLong(Integer.reverseBytes((int) v));
        return AmlInteger.dword(swapped);
    }

    // Arguments and locals

    public static ArgVar arg(int n) {
        return new ArgVar(n);
    }

    public static LocalVar local(int n) {
        return new LocalVar(n);
    }

    // Statements

    public static If ifThen(Aml predicate, Aml... terms) {
        return new If(predicate, List.of(terms));
    }

    public static Else orElse(Aml... terms) {
        return new Else(List.of(terms));
    }

    public static While whileLoop(Aml predicate, Aml... terms) {
        return new While(predicate, List.of(terms));
    }

    public static Return returns(Aml value) {
        return new Return(value);
    }

    public static Store store(Aml source, Aml destination) {
        return new Store(source, destination);
    }

    public static Notify notifyObject(Aml object, Aml value) {
        return new Notify(object, value);
    }

    public static Acquire acquire(String mutex, int timeout) {
        return new Acquire(path(mutex), timeout);
    }

    public static Release release(String mutex) {
        return new Release(path(mutex));
    }

    public static MethodCall call(String method, Aml... arguments) {
        return new MethodCall(path(method), List.of(arguments));
    }

    // Expressions

    public static BinaryOp add(Aml a, Aml b, Aml target) {
        return new BinaryOp(BinaryOp.Operator.ADD, a, b, target);
    }

    public static BinaryOp subtract(Aml a, Aml b, Aml target) {
        return new BinaryOp(BinaryOp.Operator.SUBTRACT, a, b, target);
    }

    public static BinaryOp and(Aml a, Aml b, Aml target) {
        return new BinaryOp(BinaryOp.Operator.AND, a, b, target);
    }

    public static BinaryOp or(Aml a, Aml b, Aml target) {
        return new BinaryOp(BinaryOp.Operator.OR, a, b, target);
    }

    public static BinaryOp shiftLeft(Aml a, Aml b, Aml target) {
        return new BinaryOp(BinaryOp.Operator.SHIFT_LEFT, a, b, target);
    }

    public static LogicalOp lEqual(Aml a, Aml b) {
        return new LogicalOp(LogicalOp.Operator.LEQUAL, a, b);
    }

    public static LogicalOp lLess(Aml a, Aml b) {
        return new LogicalOp(LogicalOp.Operator.LLESS, a, b);
    }

    public static ToInteger toInteger(Aml a) {
        return new ToInteger(a);
    }

    public static LNot lNot(Aml a) {
        return new LNot(a);
    }

    // Resources

    public static ResourceTemplate resourceTemplate(ResourceDescriptor... descriptors) {
        return new ResourceTemplate(List.of(descriptors));
    }

    public static Memory32Fixed memory32Fixed(boolean readWrite, long base, long length) {
        return new Memory32Fixed(readWrite, base, length);
    }

    /** Interrupt(ResourceConsumer, Level or Edge, ActiveHigh or ActiveLow, Exclusive) { gsivs }. */
    public static ExtendedInterrupt interrupt(boolean edge, boolean activeLow, long... gsivs) {
        List<Long> list = new ArrayList<>();
        for (long g : gsivs) {
            list.add(g);
        }
        return new ExtendedInterrupt(true, edge, activeLow, false, false, list);
    }

    /** WordBusNumber(ResourceProducer, MinFixed, MaxFixed, PosDecode, 0, min, max, 0, length). */
    public static AddressSpace wordBusNumber(int minimum, int maximum) {
        return new AddressSpace(AddressSpace.Width.WORD, AddressSpace.ResourceType.BUS_NUMBER, false, false, true,
                true, 0, 0, minimum, maximum, 0, maximum - minimum + 1L);
    }

    /** DWordMemory or QWordMemory(ResourceProducer, PosDecode, MinFixed, MaxFixed, caching, ReadWrite). */
    public static AddressSpace memory(AddressSpace.Width width, AddressSpace.Cacheable cacheable, long minimum,
            long length, long translation) {
        return new AddressSpace(width, AddressSpace.ResourceType.MEMORY, false, false, true, true,
                AddressSpace.memoryFlags(true, cacheable), 0, minimum, minimum + length - 1, translation, length);
    }

    /** DWordIO(ResourceProducer, MinFixed, MaxFixed, PosDecode, EntireRange) with a translation offset. */
    public static AddressSpace dwordIo(long minimum, long length, long translation) {
        return new AddressSpace(AddressSpace.Width.DWORD, AddressSpace.ResourceType.IO, false, false, true, true,
                AddressSpace.ioFlags(AddressSpace.IsaRanges.ENTIRE_RANGE), 0, minimum, minimum + length - 1,
                translation, length);
    }
}
