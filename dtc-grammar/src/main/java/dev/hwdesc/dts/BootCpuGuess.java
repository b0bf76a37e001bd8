package dev.hwdesc.dts;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;

/**
 * dtc's guess_boot_cpuid, made right after parsing: the "reg" of the first child of /cpus when it is
 * exactly one cell, else 0. The child list is taken as it stands, so a deleted first child counts.
 */
final class BootCpuGuess {

    private BootCpuGuess() {
    }

    static long of(Node root) {
        Node cpus = null;
        for (int i = 0; i < root.childCount(); i++) {
            Node c = root.childAt(i);
            if (!c.isDeleted() && c.name().equals("cpus")) {
                cpus = c;
                break;
            }
        }
        if (cpus == null || cpus.childCount() == 0) {
            return 0;
        }
        Node first = cpus.childAt(0);
        for (int i = 0; i < first.propertyCount(); i++) {
            Property p = first.propertyAt(i);
            if (!p.isDeleted() && p.name().equals("reg")) {
                PropertyValue v = p.value();
                return v.length() == 4 ? v.u32At(0) : 0;
            }
        }
        return 0;
    }
}
