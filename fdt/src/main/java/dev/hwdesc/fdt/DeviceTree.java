package dev.hwdesc.fdt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A whole device tree as dtc holds it: the root node, the memory reservation map, the boot CPU id
 * and whether the source was a {@code /plugin/} (overlay).
 */
public final class DeviceTree {

    private final Node root;
    private final List<MemoryReservation> reservations;
    private long bootCpuId;
    private boolean plugin;

    public DeviceTree(Node root, List<MemoryReservation> reservations, long bootCpuId) {
        this.root = Objects.requireNonNull(root, "root");
        this.reservations = new ArrayList<>(reservations);
        this.bootCpuId = bootCpuId & 0xffffffffL;
    }

    /** An empty tree: a root node and nothing else. */
    public static DeviceTree empty() {
        return new DeviceTree(new Node(""), List.of(), 0);
    }

    public Node root() {
        return root;
    }

    /** The memory reservation map, in order. */
    public List<MemoryReservation> reservations() {
        return List.copyOf(reservations);
    }

    public void setReservations(List<MemoryReservation> entries) {
        reservations.clear();
        reservations.addAll(entries);
    }

    public void addReservation(MemoryReservation entry) {
        reservations.add(entry);
    }

    /** The physical id of the boot CPU (the header's boot_cpuid_phys), unsigned 32-bit. */
    public long bootCpuId() {
        return bootCpuId;
    }

    public void setBootCpuId(long id) {
        this.bootCpuId = id & 0xffffffffL;
    }

    /** True when the source said {@code /plugin/}: the tree is an overlay. */
    public boolean isPlugin() {
        return plugin;
    }

    public void setPlugin(boolean plugin) {
        this.plugin = plugin;
    }

    /** Builds an index of the tree as it is now; rebuild it after changing the tree's shape. */
    public TreeIndex index() {
        return TreeIndex.of(this);
    }
}
