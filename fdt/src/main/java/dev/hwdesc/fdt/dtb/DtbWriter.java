package dev.hwdesc.fdt.dtb;

import static dev.hwdesc.fdt.dtb.FdtLayout.*;

import dev.hwdesc.fdt.MemoryReservation;
import dev.hwdesc.fdt.PropertyValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a blob sequentially: {@link #beginNode}, {@link #property}, {@link #endNode}, then
 * {@link #finish}. Nesting and order are checked on every call: a property after a child node, an
 * end for the wrong node, or finishing with nodes open is an {@link IllegalStateException}, and a
 * finished writer refuses every further call. The layout (header, reservation map, struct block,
 * strings with dtc's tail sharing, padding) is exactly dtc's.
 *
 * <p>The header and reservation map have a known size, so the struct block is written straight
 * after the space kept for them, in the buffer that becomes the blob.
 */
public final class DtbWriter {

    /** The handle of an open node; only the handle of the innermost open node may end it. */
    public static final class NodeHandle {
        private boolean childWritten;

        private NodeHandle() {
        }
    }

    private final DtbWriteOptions options;
    private final List<MemoryReservation> reservations;
    private final int structOffset;
    private final ByteSink blob;
    private final StringTable strings;
    private final List<NodeHandle> open = new ArrayList<>();
    private boolean rootDone;
    private boolean finished;

    /**
     * @param expectedSize a guess of the struct and strings blocks' size, so the buffer is made once
     */
    public DtbWriter(DtbWriteOptions options, List<MemoryReservation> reservations, int expectedSize) {
        this(options, reservations, expectedSize, new StringTable());
    }

    /** With a strings table already filled in the order the properties will come (see DtbEncoder). */
    DtbWriter(DtbWriteOptions options, List<MemoryReservation> reservations, int expectedSize, StringTable strings) {
        this.strings = strings;
        this.options = options;
        this.reservations = List.copyOf(reservations);
        int reserveSize = (this.reservations.size() + options.reserveSlots() + 1) * RESERVE_ENTRY_SIZE;
        this.structOffset = align(options.version().headerSize(), RESERVE_ALIGN) + reserveSize;
        this.blob = new ByteSink(structOffset + Math.max(64, expectedSize));
        blob.zeros(structOffset);
    }

    public DtbWriter(DtbWriteOptions options, List<MemoryReservation> reservations) {
        this(options, reservations, 4096);
    }

    public DtbWriter() {
        this(DtbWriteOptions.DEFAULT, List.of());
    }

    /** Opens a node. The first call opens the root (its name is "" from version 16, "/" below). */
    public NodeHandle beginNode(String name) {
        checkOpen();
        if (open.isEmpty() && rootDone) {
            throw new IllegalStateException("the root node is already closed");
        }
        if (!open.isEmpty()) {
            open.get(open.size() - 1).childWritten = true;
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("node name contains NUL");
        }
        blob.u32(FDT_BEGIN_NODE);
        blob.latin1(name);
        blob.zeros(1);
        blob.align(TOKEN_ALIGN);
        NodeHandle h = new NodeHandle();
        open.add(h);
        return h;
    }

    /** Adds a property to the innermost open node; properties must come before its child nodes. */
    public void property(String name, PropertyValue value) {
        checkOpen();
        if (open.isEmpty()) {
            throw new IllegalStateException("property " + name + " outside any node");
        }
        if (open.get(open.size() - 1).childWritten) {
            throw new IllegalStateException("property " + name + " after a child node");
        }
        int nameOffset = strings.offsetOf(name); // rejects a name with a NUL the first time it is seen
        blob.u32(FDT_PROP);
        blob.u32(value.length());
        blob.u32(nameOffset);
        if (options.version().variableAlignment() && value.length() >= 8) {
            // dtc aligns relative to the struct block, which itself starts 8-aligned
            blob.zeros(align(blob.size() - structOffset, RESERVE_ALIGN) - (blob.size() - structOffset));
        }
        blob.value(value);
        blob.align(TOKEN_ALIGN);
    }

    /** Closes the innermost open node, which {@code handle} must be. */
    public void endNode(NodeHandle handle) {
        checkOpen();
        if (open.isEmpty() || open.get(open.size() - 1) != handle) {
            throw new IllegalStateException("endNode for a node that is not the innermost open one");
        }
        open.remove(open.size() - 1);
        blob.u32(FDT_END_NODE);
        if (open.isEmpty()) {
            rootDone = true;
        }
    }

    /** Finishes the blob and returns it; warnings (a -S size already exceeded) go to {@code warnings}. */
    public byte[] finish(long bootCpuId, Consumer<String> warnings) {
        checkOpen();
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " node(s) still open");
        }
        // With no root at all the struct block is just FDT_END: what dtc writes when the source
        // deleted the root (/delete-node/ &{/};). No reader accepts such a blob, dtc's included.
        finished = true;
        blob.u32(FDT_END);
        int structSize = blob.size() - structOffset;
        int stringsOffset = blob.size();
        int used = stringsOffset + strings.size();

        int padLength = 0;
        if (options.minSize() > 0) {
            padLength = options.minSize() - used;
            if (padLength < 0) {
                padLength = 0;
                warnings.accept("Warning: blob size " + used + " >= minimum size " + options.minSize());
            }
        }
        if (options.padSize() > 0) {
            padLength = options.padSize();
        }
        if (options.alignSize() > 0) {
            padLength = align(used + padLength, options.alignSize()) - used;
        }
        int total = used + padLength;
        blob.capacityAtLeast(total); // the blob's final size: no doubling and no trimming copy
        strings.appendTo(blob);
        blob.zeros(padLength);

        BlobVersion v = options.version();
        blob.putU32At(OFF_MAGIC, MAGIC);
        blob.putU32At(OFF_TOTALSIZE, total);
        blob.putU32At(OFF_DT_STRUCT, structOffset);
        blob.putU32At(OFF_DT_STRINGS, stringsOffset);
        blob.putU32At(OFF_MEM_RSVMAP, align(v.headerSize(), RESERVE_ALIGN));
        blob.putU32At(OFF_VERSION, v.number());
        blob.putU32At(OFF_LAST_COMP_VERSION, v.lastCompatibleVersion());
        if (v.hasBootCpuId()) {
            blob.putU32At(OFF_BOOT_CPUID_PHYS, bootCpuId);
        }
        if (v.hasStringsSize()) {
            blob.putU32At(OFF_SIZE_DT_STRINGS, used - stringsOffset);
        }
        if (v.hasStructSize()) {
            blob.putU32At(OFF_SIZE_DT_STRUCT, structSize);
        }
        int entry = align(v.headerSize(), RESERVE_ALIGN);
        for (MemoryReservation r : reservations) {
            blob.putU32At(entry, r.address() >>> 32);
            blob.putU32At(entry + 4, r.address());
            blob.putU32At(entry + 8, r.size() >>> 32);
            blob.putU32At(entry + 12, r.size());
            entry += RESERVE_ENTRY_SIZE;
        }
        byte[] out = blob.array();
        return out.length == total ? out : Arrays.copyOf(out, total);
    }

    /** Finishes the blob, ignoring warnings. */
    public byte[] finish(long bootCpuId) {
        return finish(bootCpuId, w -> { });
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the writer is finished");
        }
    }
}
