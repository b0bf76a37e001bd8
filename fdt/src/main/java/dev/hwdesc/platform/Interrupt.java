package dev.hwdesc.platform;

/**
 * One interrupt line of the GIC, as both descriptions need it: the device tree's three-cell
 * specifier (type, number, flags with the PPI CPU mask in bits 15:8) and ACPI's GSIV come from the
 * same value, so they cannot disagree.
 *
 * @param kind shared (SPI) or private to each CPU (PPI)
 * @param number the SPI number (0-987) or the PPI number (0-15), as the device tree counts them
 * @param trigger edge or level, and which
 * @param cpuMask for a PPI on GICv2, the CPUs it is wired to, one bit each; 0 otherwise
 */
public record Interrupt(Kind kind, int number, Trigger trigger, int cpuMask) {

    /** The device tree's first cell: 0 for SPI, 1 for PPI. */
    public enum Kind {
        SPI(0, 988, 32), PPI(1, 16, 16);

        private final int cell;
        private final int count;
        private final int gsivBase;

        Kind(int cell, int count, int gsivBase) {
            this.cell = cell;
            this.count = count;
            this.gsivBase = gsivBase;
        }

        public int cell() {
            return cell;
        }
    }

    /** The flags' trigger bits (include/dt-bindings/interrupt-controller/irq.h). */
    public enum Trigger {
        EDGE_RISING(1), EDGE_FALLING(2), LEVEL_HIGH(4), LEVEL_LOW(8);

        private final int bits;

        Trigger(int bits) {
            this.bits = bits;
        }

        public int bits() {
            return bits;
        }

        public boolean isEdge() {
            return this == EDGE_RISING || this == EDGE_FALLING;
        }

        public boolean isActiveLow() {
            return this == EDGE_FALLING || this == LEVEL_LOW;
        }
    }

    public Interrupt {
        if (number < 0 || number >= kind.count) {
            throw new IllegalArgumentException(kind + " number " + number + " is out of range 0-" + (kind.count - 1));
        }
        if (cpuMask < 0 || cpuMask > 0xff || (cpuMask != 0 && kind != Kind.PPI)) {
            throw new IllegalArgumentException("a CPU mask (" + cpuMask + ") is for PPIs only, 8 bits");
        }
    }

    public static Interrupt spi(int number, Trigger trigger) {
        return new Interrupt(Kind.SPI, number, trigger, 0);
    }

    public static Interrupt ppi(int number, Trigger trigger) {
        return new Interrupt(Kind.PPI, number, trigger, 0);
    }

    /** The same interrupt wired to the first {@code cpus} CPUs (a GICv2 PPI). */
    public Interrupt withCpus(int cpus) {
        return new Interrupt(kind, number, trigger, cpus >= 8 ? 0xff : (1 << cpus) - 1);
    }

    /** The flags cell of the device tree's specifier. */
    public int flagsCell() {
        return cpuMask << 8 | trigger.bits;
    }

    /** The three cells of a GIC interrupt specifier. */
    public long[] cells() {
        return new long[] {kind.cell, number, flagsCell()};
    }

    /** ACPI's global system interrupt number: SPI n is n + 32, PPI n is n + 16. */
    public int gsiv() {
        return kind.gsivBase + number;
    }
}
