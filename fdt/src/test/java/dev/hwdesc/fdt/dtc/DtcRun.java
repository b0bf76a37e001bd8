package dev.hwdesc.fdt.dtc;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PhandleFormat;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.ValueType;
import dev.hwdesc.fdt.check.CheckSelection;
import dev.hwdesc.fdt.dts.DtsWriter;
import java.util.List;
import java.util.OptionalLong;

/**
 * Test helper: runs {@link DtcProcessor} with dtc-style flags on a hand-built tree and keeps what it
 * printed and the DTS dtc's {@code -O dts} would write of the result.
 */
record DtcRun(DtcProcessor.Outcome outcome, String stderr, DeviceTree tree) {

    /** Flags: {@code -@ -A -s -f -q}, {@code -H epapr|legacy|both}. */
    static DtcRun of(DeviceTree tree, String... flags) {
        boolean symbols = false;
        boolean autoAlias = false;
        boolean sort = false;
        boolean force = false;
        int quiet = 0;
        PhandleFormat format = PhandleFormat.EPAPR;
        for (int i = 0; i < flags.length; i++) {
            switch (flags[i]) {
                case "-@" -> symbols = true;
                case "-A" -> autoAlias = true;
                case "-s" -> sort = true;
                case "-f" -> force = true;
                case "-q" -> quiet++;
                case "-H" -> format = switch (flags[++i]) {
                    case "legacy" -> PhandleFormat.LEGACY;
                    case "both" -> PhandleFormat.BOTH;
                    default -> PhandleFormat.EPAPR;
                };
                default -> throw new IllegalArgumentException(flags[i]);
            }
        }
        StringBuilder err = new StringBuilder();
        DtcProcessor.Outcome outcome = DtcProcessor.process(tree, new DtcProcessor.Settings(OptionalLong.empty(), force,
                quiet, format, CheckSelection.defaults(), autoAlias, symbols, sort, "<stdout>"), err::append);
        return new DtcRun(outcome, err.toString(), tree);
    }

    /** What dtc -O dts writes of the processed tree. */
    String dts() {
        return DtsWriter.write(tree);
    }

    static DeviceTree tree(Node root) {
        return new DeviceTree(root, List.of(), 0);
    }

    static DeviceTree plugin(Node root) {
        DeviceTree t = tree(root);
        t.setPlugin(true);
        return t;
    }

    /** A child with labels written {@code a: b: name}; dtc's list then reads a, b. */
    static Node node(Node parent, String name, String... labels) {
        Node n = parent.addChild(new Node(name));
        for (int i = labels.length - 1; i >= 0; i--) {
            n.addLabel(labels[i]);
        }
        return n;
    }

    /** A property value as dtc's parser builds it, chunk by chunk. */
    static Value value() {
        return new Value();
    }

    /** {@code <...>} where a String is {@code &label} or, starting with '/', {@code &{/path}}. */
    static PropertyValue cells(Object... items) {
        return value().cells(items).build();
    }

    static final class Value {
        private final PropertyValue.Builder b = PropertyValue.builder();

        /** A cell chunk; each reference is a PhandleRef marker over dtc's 0xffffffff placeholder. */
        Value cells(Object... items) {
            b.chunk(ValueType.CELLS32);
            for (Object item : items) {
                if (item instanceof String ref) {
                    b.marker(new Marker.PhandleRef(b.length(), ref));
                    b.element(4, 0xffffffffL);
                } else {
                    b.element(4, ((Number) item).longValue());
                }
            }
            return this;
        }

        /** {@code &label} outside cells: a string chunk where path_references splices the path. */
        Value pathRef(String target) {
            b.chunk(ValueType.STRING);
            b.marker(new Marker.PathRef(b.length(), target));
            return this;
        }

        Value string(String s) {
            b.string(s);
            return this;
        }

        PropertyValue build() {
            return b.build();
        }
    }
}
