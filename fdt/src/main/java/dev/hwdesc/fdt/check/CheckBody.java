package dev.hwdesc.fdt.check;

/** What one check does at one live node of the tree (dtc's check_fn). */
@FunctionalInterface
interface CheckBody {

    void visit(CheckContext context, CheckedNode node);
}
