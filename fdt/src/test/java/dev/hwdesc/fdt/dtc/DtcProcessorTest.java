package dev.hwdesc.fdt.dtc;

import static dev.hwdesc.fdt.dtc.DtcRun.cells;
import static dev.hwdesc.fdt.dtc.DtcRun.node;
import static dev.hwdesc.fdt.dtc.DtcRun.plugin;
import static dev.hwdesc.fdt.dtc.DtcRun.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.PhandleFormat;
import dev.hwdesc.fdt.check.CheckSelection;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The order of dtc's steps, and when the output can be rendered while they run. */
class DtcProcessorTest {

    private static DtcProcessor.Settings settings(boolean autoAlias, boolean symbols, boolean sort) {
        return new DtcProcessor.Settings(OptionalLong.empty(), false, 0, PhandleFormat.EPAPR,
                CheckSelection.defaults(), autoAlias, symbols, sort, "<stdout>");
    }

    @Test
    void outputMayChangeOnlyWhenAStepHasSomethingToDo() {
        Node root = new Node("");
        node(root, "n");
        DeviceTree plain = tree(root);
        assertFalse(DtcProcessor.mayChangeOutput(plain, settings(true, true, false)), "no labels");
        assertTrue(DtcProcessor.mayChangeOutput(plain, settings(false, false, true)), "-s");
        root.child("n").orElseThrow().addLabel("l");
        assertFalse(DtcProcessor.mayChangeOutput(plain, settings(false, false, false)));
        assertTrue(DtcProcessor.mayChangeOutput(plain, settings(true, false, false)), "-A with a label");
        assertTrue(DtcProcessor.mayChangeOutput(plain, settings(false, true, false)), "-@ with a label");
        Node other = new Node("");
        assertTrue(DtcProcessor.mayChangeOutput(plugin(other), settings(false, false, false)), "a plugin");
    }

    /** Aliases, then symbols, then fixups, then sorting: each later step sees the nodes of those before. */
    @Test
    void stepsRunInDtcsOrder() {
        Node root = new Node("");
        node(root, "z", "l").addProperty("r", cells("l", "ext"));
        DtcRun run = DtcRun.of(plugin(root), "-A", "-@");
        assertEquals(List.of("z", "aliases", "__symbols__", "__fixups__", "__local_fixups__"),
                root.children().stream().map(Node::name).toList());
        Node sorted = new Node("");
        node(sorted, "z", "l").addProperty("r", cells("l", "ext"));
        DtcRun.of(plugin(sorted), "-A", "-@", "-s");
        assertEquals(List.of("__fixups__", "__local_fixups__", "__symbols__", "aliases", "z"),
                sorted.children().stream().map(Node::name).toList());
        assertEquals("", run.stderr());
    }
}
