package dev.hwdesc.fdt.dtb;

import static dev.hwdesc.fdt.dtb.FdtLayout.*;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.MemoryReservation;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a flattened device tree blob (versions 1, 2, 3, 16, 17) into a {@link DeviceTree}, checking
 * everything against the blob's real length: header, block bounds and overlaps, token alignment,
 * nesting, NUL-terminated names, string offsets. Property values come out as raw bytes without
 * markers. Nothing is allocated from a size the blob claims before that size is checked.
 */
public final class DtbReader {

    /** Bounds on what a blob may ask of the reader. */
    public record Limits(int maxDepth, int maxPropertySize) {
        public static final Limits DEFAULT = new Limits(4096, 256 << 20);
    }

    private final BlobBytes bytes;
    private final DtbHeader header;
    private final Limits limits;
    private final Consumer<String> warnings;
    private final Map<Integer, String> namesByOffset = new HashMap<>();

    private DtbReader(byte[] blob, int length, DtbHeader header, Limits limits, Consumer<String> warnings) {
        this.bytes = new BlobBytes(blob, length);
        this.header = header;
        this.limits = limits;
        this.warnings = warnings;
    }

    /** Reads a whole blob with the default limits, ignoring dtc's reader warnings. */
    public static DeviceTree read(byte[] blob) throws FdtFormatException {
        return read(blob, Limits.DEFAULT, w -> { });
    }

    /**
     * Reads a blob. {@code warnings} receives what dtc prints while reading (a property after a
     * subnode, a NOP in a version below 16), one line each without the newline.
     */
    public static DeviceTree read(byte[] blob, Limits limits, Consumer<String> warnings) throws FdtFormatException {
        DtbHeader header = DtbHeader.parse(blob, blob.length);
        // One private copy of the blob: every property value read from it is a slice of this copy.
        byte[] own = Arrays.copyOf(blob, (int) header.totalSize());
        DtbReader r = new DtbReader(own, own.length, header, limits, warnings);
        return r.readTree();
    }

    private DeviceTree readTree() throws FdtFormatException {
        long rsvStart = header.reserveMapOffset();
        List<MemoryReservation> reservations = readReservations(rsvStart, nextBlockStart(rsvStart));
        long rsvEnd = rsvStart + (long) (reservations.size() + 1) * RESERVE_ENTRY_SIZE;

        long structStart = header.structOffset();
        long stringsStart = header.stringsOffset();
        long stringsEnd = stringsStart + header.stringsSize();
        // Blocks whose extent is known before the struct walk are checked first, so that an overlap is
        // reported as such rather than as whatever the walk stumbles on.
        checkOverlap("memory reservation block", rsvStart, rsvEnd, "struct block", structStart,
                header.hasStructSize() ? structStart + header.structSize() : structStart + 1);
        if (header.hasStringsSize()) {
            checkOverlap("memory reservation block", rsvStart, rsvEnd, "strings block", stringsStart, stringsEnd);
        }
        if (header.hasStructSize() && header.hasStringsSize()) {
            checkOverlap("struct block", structStart, structStart + header.structSize(), "strings block",
                    stringsStart, stringsEnd);
        }

        long structLimit = header.hasStructSize() ? structStart + header.structSize() : nextBlockStart(structStart);
        StructResult struct = readStruct(structStart, structLimit);
        if (!header.hasStructSize()) {
            long usedStringsEnd = header.hasStringsSize() ? stringsEnd : stringsStart + maxStringEnd;
            checkOverlap("struct block", structStart, struct.end, "strings block", stringsStart, usedStringsEnd);
            checkOverlap("memory reservation block", rsvStart, rsvEnd, "strings block", stringsStart, usedStringsEnd);
        }
        return new DeviceTree(struct.root, reservations, header.bootCpuId());
    }

    /** The start of the nearest block after {@code start}, or totalsize: where a block without a size must end. */
    private long nextBlockStart(long start) {
        long limit = header.totalSize();
        for (long other : new long[] {header.reserveMapOffset(), header.structOffset(), header.stringsOffset()}) {
            if (other > start && other < limit) {
                limit = other;
            }
        }
        return limit;
    }

    private List<MemoryReservation> readReservations(long start, long limit) throws FdtFormatException {
        List<MemoryReservation> out = new ArrayList<>();
        for (long p = start;; p += RESERVE_ENTRY_SIZE) {
            if (p + RESERVE_ENTRY_SIZE > limit) {
                throw new FdtFormatException(p, String.format(
                        "memory reservation map has no terminating entry before 0x%x", limit));
            }
            long address = bytes.u64(p, limit, "memory reservation entry truncated");
            long size = bytes.u64(p + 8, limit, "memory reservation entry truncated");
            if (size == 0) {
                return out; // dtc and libfdt stop at the first entry of size 0
            }
            out.add(MemoryReservation.of(address, size));
        }
    }

    private record StructResult(Node root, long end) {
    }

    private StructResult readStruct(long start, long limit) throws FdtFormatException {
        int end = (int) limit;
        int p = (int) start;
        if (p + 4 > end) {
            throw new FdtFormatException(p, "struct block is empty: expected FDT_BEGIN_NODE");
        }
        int first = bytes.u32Unchecked(p);
        if (first != FDT_BEGIN_NODE) {
            throw new FdtFormatException(p, String.format(
                    "struct block must begin with FDT_BEGIN_NODE, found token 0x%08x", first));
        }
        boolean fullPaths = header.layout().fullPathNames();
        boolean varAlign = header.layout().variableAlignment();
        boolean nopsAllowed = header.layout().allowsNops();

        p += 4;
        int nameStart = p;
        String flatName = readName(p, end);
        p = alignWithin(p + flatName.length() + 1, TOKEN_ALIGN, end, nameStart);
        String rootName = fullPaths ? rootNameFromPath(flatName, nameStart) : flatName;
        if (!rootName.isEmpty()) {
            throw new FdtFormatException(nameStart, "the root node's name must be empty, found \"" + rootName + "\"");
        }
        Node root = new Node("");

        // The open nodes, innermost last; flat names only matter for full-path (version 1-3) blobs.
        Node[] open = new Node[16];
        String[] openFlatNames = new String[16];
        boolean[] childSeen = new boolean[16];
        int depth = 1;
        open[0] = root;
        openFlatNames[0] = flatName;

        while (depth > 0) {
            int tokenAt = p;
            if (p + 4 > end) {
                throw new FdtFormatException(p, String.format(
                        "struct block ends at 0x%x inside node %s: FDT_END_NODE and FDT_END are missing",
                        end, open[depth - 1].fullPath()));
            }
            int tok = bytes.u32Unchecked(p);
            p += 4;
            Node current = open[depth - 1];
            switch (tok) {
                case FDT_PROP -> {
                    if (childSeen[depth - 1]) {
                        warnings.accept("Warning: Flat tree input has subnodes preceding a property.");
                    }
                    p = readProperty(current, tokenAt, p, end, varAlign);
                }
                case FDT_BEGIN_NODE -> {
                    if (depth >= limits.maxDepth()) {
                        throw new FdtFormatException(tokenAt, "nodes nest deeper than " + limits.maxDepth() + " levels");
                    }
                    int at = p;
                    String name = readName(p, end);
                    p = alignWithin(p + name.length() + 1, TOKEN_ALIGN, end, at);
                    Node child = new Node(fullPaths ? childNameFromPath(openFlatNames[depth - 1], name, at) : name);
                    current.addChild(child);
                    childSeen[depth - 1] = true;
                    if (depth == open.length) {
                        open = Arrays.copyOf(open, depth * 2);
                        openFlatNames = Arrays.copyOf(openFlatNames, depth * 2);
                        childSeen = Arrays.copyOf(childSeen, depth * 2);
                    }
                    open[depth] = child;
                    openFlatNames[depth] = name;
                    childSeen[depth] = false;
                    depth++;
                }
                case FDT_END_NODE -> {
                    depth--;
                    open[depth] = null;
                }
                case FDT_NOP -> {
                    if (!nopsAllowed) {
                        warnings.accept("Warning: NOP tag found in flat tree version <16");
                    }
                }
                case FDT_END -> throw new FdtFormatException(tokenAt,
                        "premature FDT_END inside node " + current.fullPath());
                default -> throw new FdtFormatException(tokenAt, String.format("unknown token 0x%08x", tok));
            }
        }
        if (p + 4 > end) {
            throw new FdtFormatException(p, String.format("struct block ends at 0x%x without FDT_END", end));
        }
        int last = bytes.u32Unchecked(p);
        if (last != FDT_END) {
            throw new FdtFormatException(p, String.format(
                    "expected FDT_END after the root node, found token 0x%08x", last));
        }
        return new StructResult(root, p + 4L);
    }

    /** A node name: NUL-terminated within the struct block. Decoded byte for char. */
    private String readName(int p, int end) throws FdtFormatException {
        int nul = bytes.indexOfNul(p, end);
        if (nul < 0) {
            throw new FdtFormatException(p, String.format(
                    "node name at 0x%x is not NUL-terminated before the end of the struct block (0x%x)", p, end));
        }
        return new String(bytes.array(), p, nul - p, StandardCharsets.ISO_8859_1);
    }

    /** Aligns {@code p} up; the padding must stay inside the block. */
    private static int alignWithin(int p, int alignment, int end, int itemStart) throws FdtFormatException {
        int aligned = align(p, alignment);
        if (aligned > end) {
            throw new FdtFormatException(itemStart, String.format(
                    "padding after the item at 0x%x runs past the end of the struct block (0x%x)", itemStart, end));
        }
        return aligned;
    }

    private int readProperty(Node node, int tokenAt, int p, int end, boolean varAlign) throws FdtFormatException {
        if (p + 8 > end) {
            throw new FdtFormatException(p, String.format(
                    "property header at 0x%x runs past the end of the struct block (0x%x)", p, end));
        }
        long len = bytes.u32Unchecked(p) & 0xffffffffL;
        long nameOff = bytes.u32Unchecked(p + 4) & 0xffffffffL;
        String name = propertyName(nameOff, p + 4);
        int valueAt = p + 8;
        if (varAlign && len >= 8) {
            valueAt = alignWithin(valueAt, RESERVE_ALIGN, end, tokenAt);
        }
        if (len > limits.maxPropertySize()) {
            throw new FdtFormatException(p, "property " + name + " of " + len + " bytes exceeds the limit of "
                    + limits.maxPropertySize() + " bytes");
        }
        if (len > end - valueAt) {
            throw new FdtFormatException(p, String.format(
                    "property %s: value of %d bytes at 0x%x runs past the end of the struct block (0x%x)",
                    name, len, valueAt, end));
        }
        node.addProperty(new Property(name, PropertyValue.ofOwnedSlice(bytes.array(), valueAt, (int) len)));
        return alignWithin(valueAt + (int) len, TOKEN_ALIGN, end, tokenAt);
    }

    private String propertyName(long nameOff, int fieldAt) throws FdtFormatException {
        String cached = namesByOffset.get((int) nameOff);
        if (cached != null) {
            return cached;
        }
        long stringsSize = header.stringsSize();
        if (nameOff >= stringsSize) {
            throw new FdtFormatException(fieldAt, String.format(
                    "property name offset 0x%x is outside the strings block (%d bytes)", nameOff, stringsSize));
        }
        int start = (int) (header.stringsOffset() + nameOff);
        int limit = (int) (header.stringsOffset() + stringsSize);
        int nul = bytes.indexOfNul(start, limit);
        if (nul < 0) {
            throw new FdtFormatException(start, String.format(
                    "property name at strings offset 0x%x is not NUL-terminated inside the strings block", nameOff));
        }
        // Interned: the checks compare names with literals, and an identical instance compares at once.
        String name = new String(bytes.array(), start, nul - start, StandardCharsets.ISO_8859_1).intern();
        maxStringEnd = Math.max(maxStringEnd, nul + 1 - header.stringsOffset());
        namesByOffset.put((int) nameOff, name);
        return name;
    }

    /** End (relative to the strings block) of the furthest name read, for blobs without size_dt_strings. */
    private long maxStringEnd;

    /** Version 1-3 root: its flat name is the path "/" (dtc also takes ""). */
    private static String rootNameFromPath(String path, int at) throws FdtFormatException {
        if (path.equals("/") || path.isEmpty()) {
            return "";
        }
        throw new FdtFormatException(at, "the root node's path must be \"/\", found \"" + path + "\"");
    }

    /** Version 1-3 child: its flat name is its full path, which must continue its parent's. */
    private static String childNameFromPath(String parentPath, String path, int at) throws FdtFormatException {
        String prefix = parentPath.endsWith("/") ? parentPath : parentPath + "/";
        if (!path.startsWith(prefix) || path.length() == prefix.length()
                || path.indexOf('/', prefix.length()) >= 0) {
            throw new FdtFormatException(at, "node path \"" + path + "\" is not a child of \"" + parentPath + "\"");
        }
        return path.substring(prefix.length());
    }

    private static void checkOverlap(String a, long aStart, long aEnd, String b, long bStart, long bEnd)
            throws FdtFormatException {
        if (aEnd <= aStart || bEnd <= bStart) {
            return;
        }
        if (aStart < bEnd && bStart < aEnd) {
            long later = Math.max(aStart, bStart);
            throw new FdtFormatException(later, String.format("%s (0x%x-0x%x) overlaps the %s (0x%x-0x%x)",
                    aStart <= bStart ? b : a, aStart <= bStart ? bStart : aStart, aStart <= bStart ? bEnd : aEnd,
                    aStart <= bStart ? a : b, aStart <= bStart ? aStart : bStart, aStart <= bStart ? aEnd : bEnd));
        }
    }
}
