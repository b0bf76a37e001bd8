package dev.hwdesc.platform;

/** RAM the guest can use: where it is, and its NUMA node (-1 for none). */
public record MemoryRegion(Region range, int numaNode) {

    public boolean hasNumaNode() {
        return numaNode >= 0;
    }
}
