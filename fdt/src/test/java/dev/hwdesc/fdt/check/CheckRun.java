package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PhandleFormat;
import dev.hwdesc.fdt.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/** Test helper: runs the checker with dtc-style flags and keeps what it printed. */
record CheckRun(boolean failed, List<String> messages) {

    static final String OUT = "out.dtb";

    /** The messages as dtc writes them to stderr, one after another. */
    String text() {
        return String.join("", messages);
    }

    static CheckRun of(DeviceTree tree, String... flags) {
        return of(tree, PhandleFormat.EPAPR, false, 0, flags);
    }

    static CheckRun of(DeviceTree tree, PhandleFormat format, boolean symbols, int quiet, String... flags) {
        CheckSelection selection = CheckSelection.defaults();
        for (int i = 0; i < flags.length; i += 2) {
            switch (flags[i]) {
                case "-W" -> selection.apply(true, false, flags[i + 1]);
                case "-E" -> selection.apply(false, true, flags[i + 1]);
                default -> throw new IllegalArgumentException(flags[i]);
            }
        }
        List<String> out = new ArrayList<>();
        boolean failed = Checker.run(tree, selection, new Checker.Settings(OUT, quiet, format, symbols), out::add);
        return new CheckRun(failed, out);
    }

    static DeviceTree tree(Node root) {
        return new DeviceTree(root, List.of(), 0);
    }

    /** dtc's srcpos for one line: {@code file:line.first-last}. */
    static SourcePosition at(String file, int line, int firstColumn, int lastColumn) {
        return new SourcePosition(file, line, firstColumn, line, lastColumn);
    }
}
