package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;

/** A property's value as big-endian 32-bit cells: checked to be whole cells once, then read by index. */
final class Cells {

    private final String name;
    private final PropertyValue value;

    private Cells(String name, PropertyValue value) {
        this.name = name;
        this.value = value;
    }

    static Cells of(Property p) throws Malformed {
        return of(p.name(), p.value());
    }

    static Cells of(String name, PropertyValue value) throws Malformed {
        if (value.length() % 4 != 0) {
            throw new Malformed(name + ": " + value.length() + " bytes is not a whole number of cells");
        }
        return new Cells(name, value);
    }

    int size() {
        return value.length() / 4;
    }

    long u32(int index) {
        return value.u32At(index * 4);
    }

    /** Cells {@code [index, index + n)} as one unsigned number; {@code n} is 0, 1 or 2. */
    long number(int index, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 32 | u32(index + i);
        }
        return v;
    }

    /** Throws unless there are {@code count} groups of {@code width} cells, at least one. */
    int groups(int width, String what) throws Malformed {
        if (width <= 0 || size() == 0 || size() % width != 0) {
            throw new Malformed(String.format("%s: %d cells is not a whole number of %d-cell %s", name, size(), width, what));
        }
        return size() / width;
    }

    String name() {
        return name;
    }
}
