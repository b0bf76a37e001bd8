package dev.hwdesc.fdt.dtc;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.PhandleFormat;
import dev.hwdesc.fdt.check.CheckSelection;
import dev.hwdesc.fdt.check.Checker;
import dev.hwdesc.fdt.check.PhandleAllocator;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What dtc does between reading a tree and writing it out, in dtc's order: the {@code -b} boot CPU,
 * the checks with their fixups (aborting on a failed error check unless {@code -f}), {@code -A}
 * aliases, {@code -@} symbols, the fixups of a {@code /plugin/}, then {@code -s} sorting. Diagnostics
 * go to {@code stderr} exactly as dtc prints them.
 *
 * <p>{@code -A} and {@code -@} make nodes from labels, and plugin fixups come from references; a
 * tree read from a DTB has neither, so for DTB input, as in dtc, they add nothing.
 */
public final class DtcProcessor {

    /** The processing options of a dtc run. */
    public record Settings(
            OptionalLong bootCpu,
            boolean force,
            int quiet,
            PhandleFormat phandleFormat,
            CheckSelection checks,
            boolean autoAlias,
            boolean symbols,
            boolean sort,
            String outputName) {
    }

    /** How processing ended. */
    public enum Outcome {
        /** The tree is ready for output. */
        OK,
        /** A check at error level failed and {@code -f} was not given: no output. */
        ABORTED,
        /** dtc would have died (a "FATAL ERROR" was printed): no output. */
        FATAL
    }

    private DtcProcessor() {
    }

    /**
     * True when processing may change how the tree is written out, so the output cannot be rendered
     * while it runs: the checks may change it ({@link Checker#mayChangeOutput}), {@code -s} sorts,
     * {@code -A} or {@code -@} has labels to list, or the tree is a plugin.
     */
    public static boolean mayChangeOutput(DeviceTree tree, Settings s) {
        return mayChangeOutput(tree, s, Checker.mayChangeOutput(tree));
    }

    /** The same, for a caller that knows already what {@link Checker#mayChangeOutput} would say. */
    public static boolean mayChangeOutput(DeviceTree tree, Settings s, boolean fixupsPossible) {
        return s.sort() || tree.isPlugin() || fixupsPossible
                || ((s.autoAlias() || s.symbols()) && LabelTree.anyLabels(tree));
    }

    public static Outcome process(DeviceTree tree, Settings s, Consumer<String> stderr) {
        s.bootCpu().ifPresent(tree::setBootCpuId);
        // One allocator for the run: -@ carries on numbering where the checks stopped.
        PhandleAllocator phandles = new PhandleAllocator(s.phandleFormat());
        boolean errors = Checker.run(tree, s.checks(),
                new Checker.Settings(s.outputName(), s.quiet(), s.phandleFormat(), s.symbols()), phandles, stderr);
        if (errors) {
            if (!s.force()) {
                stderr.accept("ERROR: Input tree has errors, aborting (use -f to force output)\n");
                return Outcome.ABORTED;
            }
            if (s.quiet() < 3) {
                stderr.accept("Warning: Input tree has errors, output forced\n");
            }
        }
        if (s.autoAlias()) {
            LabelTree.aliases(tree, stderr);
        }
        if (s.symbols()) {
            LabelTree.symbols(tree, phandles, stderr);
        }
        if (tree.isPlugin()) {
            try {
                PluginFixups.generate(tree);
            } catch (PluginFixups.FatalError e) {
                stderr.accept("FATAL ERROR: " + e.getMessage());
                return Outcome.FATAL;
            }
        }
        if (s.sort()) {
            TreeSorter.sort(tree);
        }
        return Outcome.OK;
    }
}
