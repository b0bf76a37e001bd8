package dev.hwdesc.fdt.dtc;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.PhandleFormat;
import dev.hwdesc.fdt.check.CheckSelection;
import dev.hwdesc.fdt.check.Checker;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What dtc does between reading a tree and writing it out, in dtc's order: the {@code -b} boot CPU,
 * the checks with their fixups (aborting on a failed error check unless {@code -f}), then {@code -s}
 * sorting. Diagnostics go to {@code stderr} exactly as dtc prints them.
 *
 * <p>{@code -@} and {@code -A} make nodes from labels, and plugin fixups come from references; a tree
 * read from a DTB has neither, so for DTB input, as in dtc, they add nothing. They arrive with the
 * DTS compiler.
 */
public final class DtcProcessor {

    /** The processing options of a dtc run. */
    public record Settings(
            OptionalLong bootCpu,
            boolean force,
            int quiet,
            PhandleFormat phandleFormat,
            CheckSelection checks,
            boolean symbols,
            boolean sort,
            String outputName) {
    }

    /** How processing ended. */
    public enum Outcome {
        /** The tree is ready for output. */
        OK,
        /** A check at error level failed and {@code -f} was not given: no output. */
        ABORTED
    }

    private DtcProcessor() {
    }

    public static Outcome process(DeviceTree tree, Settings s, Consumer<String> stderr) {
        s.bootCpu().ifPresent(tree::setBootCpuId);
        boolean errors = Checker.run(tree, s.checks(),
                new Checker.Settings(s.outputName(), s.quiet(), s.phandleFormat(), s.symbols()), stderr);
        if (errors) {
            if (!s.force()) {
                stderr.accept("ERROR: Input tree has errors, aborting (use -f to force output)\n");
                return Outcome.ABORTED;
            }
            if (s.quiet() < 3) {
                stderr.accept("Warning: Input tree has errors, output forced\n");
            }
        }
        if (s.sort()) {
            TreeSorter.sort(tree);
        }
        return Outcome.OK;
    }
}
