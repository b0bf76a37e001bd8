package dev.hwdesc.fdt.dtb;

import static dev.hwdesc.fdt.dtb.FdtLayout.*;

import dev.hwdesc.fdt.MemoryReservation;
import dev.hwdesc.fdt.PropertyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a blob sequentially: {@link #beginNode}, {@link #property}, {@link #endNode}, then
 * {@link #finish}. Nesting and order are checked on every call: a property after a child node, an
 * end for the wrong node, or finishing with nodes open is an {@link IllegalStateException}, and a
 * finished writer refuses every further call. The layout (header, reservation map, struct block,
 * strings with dtc's tail sharing, padding) is exactly dtc's.
 */
public final class DtbWriter {

    /** The handle of an open node; only the handle of the innermost open node may end it. */
    public static final class NodeHandle {
        private final int depth;
        private boolean childWritten;

        private NodeHandle(int depth) {
            this.depth = depth;
        }
    }

    private final DtbWriteOptions options;
    private final List<MemoryReservation> reservations;
    private final ByteSink struct = new ByteSink(4096);
    private final StringTable strings = new StringTable();
    private final List<NodeHandle> open = new ArrayList<>();
    private boolean rootDone;
    private boolean finished;

    public DtbWriter(DtbWriteOptions options, List<MemoryReservation> reservations) {
        this.options = options;
        this.reservations = List.copyOf(reservations);
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
        struct.u32(FDT_BEGIN_NODE);
        struct.latin1(name);
        struct.zeros(1);
        struct.align(TOKEN_ALIGN);
        NodeHandle h = new NodeHandle(open.size());
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
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("property name contains NUL");
        }
        int nameOffset = strings.offsetOf(name);
        struct.u32(FDT_PROP);
        struct.u32(value.length());
        struct.u32(nameOffset);
        if (options.version().variableAlignment() && value.length() >= 8) {
            struct.align(RESERVE_ALIGN);
        }
        struct.value(value);
        struct.align(TOKEN_ALIGN);
    }

    /** Closes the innermost open node, which {@code handle} must be. */
    public void endNode(NodeHandle handle) {
        checkOpen();
        if (open.isEmpty() || open.get(open.size() - 1) != handle) {
            throw new IllegalStateException("endNode for a node that is not the innermost open one");
        }
        open.remove(open.size() - 1);
        struct.u32(FDT_END_NODE);
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
        if (!rootDone) {
            throw new IllegalStateException("no root node written");
        }
        finished = true;
        struct.u32(FDT_END);

        BlobVersion v = options.version();
        int reserveOffset = align(v.headerSize(), RESERVE_ALIGN);
        int reserveSize = (reservations.size() + options.reserveSlots() + 1) * RESERVE_ENTRY_SIZE;
        int structOffset = reserveOffset + reserveSize;
        int stringsOffset = structOffset + struct.size();
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

        ByteSink out = new ByteSink(total);
        out.u32(MAGIC);
        out.u32(total);
        out.u32(structOffset);
        out.u32(stringsOffset);
        out.u32(reserveOffset);
        out.u32(v.number());
        out.u32(v.lastCompatibleVersion());
        if (v.hasBootCpuId()) {
            out.u32(bootCpuId);
        }
        if (v.hasStringsSize()) {
            out.u32(strings.size());
        }
        if (v.hasStructSize()) {
            out.u32(struct.size());
        }
        out.align(RESERVE_ALIGN);
        for (MemoryReservation r : reservations) {
            out.u64(r.address());
            out.u64(r.size());
        }
        out.zeros((options.reserveSlots() + 1) * RESERVE_ENTRY_SIZE);
        out.bytes(struct.array(), 0, struct.size());
        strings.appendTo(out);
        out.zeros(padLength);
        return out.array().length == total ? out.array() : out.toByteArray();
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
