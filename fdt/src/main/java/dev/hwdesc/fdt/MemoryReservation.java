package dev.hwdesc.fdt;

import java.util.List;

/** One entry of the memory reservation map: 64-bit address and size, with the labels written on it. */
public record MemoryReservation(long address, long size, List<Label> labels) {

    public MemoryReservation {
        labels = List.copyOf(labels);
    }

    public static MemoryReservation of(long address, long size) {
        return new MemoryReservation(address, size, List.of());
    }
}
