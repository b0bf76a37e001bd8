package dev.hwdesc.fdt.check;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which nodes a check visits: a superset, in pre-order, of the nodes where its body can report
 * something or change something. Visiting only these gives the same result as dtc's visit of
 * every node, at a cost proportional to the candidates.
 */
@FunctionalInterface
interface Candidates {

    List<CheckedNode> select(TreeFacts facts);

    /** Every live node (for checks that look at every node, like always_fail). */
    static Candidates everyNode() {
        return TreeFacts::all;
    }

    static Candidates rootOnly() {
        return facts -> List.of(facts.root());
    }

    /** Nodes with a property of one of these names. */
    static Candidates withProperty(String... names) {
        List<String> list = List.of(names);
        return facts -> facts.withProperty(list);
    }

    /** Nodes with a property whose name has this shape. */
    static Candidates withPropertyNamed(Predicate<String> shape) {
        return facts -> facts.withPropertyNamed(shape);
    }

    /** Nodes whose base name (before '@') is one of these; see {@link TreeFacts} for the names indexed. */
    static Candidates withBaseName(String... baseNames) {
        List<String> list = List.of(baseNames);
        return facts -> facts.withBaseName(list);
    }

    /** Nodes whose full name is exactly this; see {@link TreeFacts} for the names indexed. */
    static Candidates namedExactly(String fullName) {
        return facts -> facts.namedExactly(fullName);
    }

    /** Children of the nodes a bridge check has marked as this kind of bus. */
    static Candidates childrenOfBus(Bus bus) {
        return facts -> facts.childrenOfBus(bus);
    }

    /** The nodes any of these select. */
    static Candidates anyOf(Candidates... sources) {
        List<Candidates> list = List.of(sources);
        return facts -> {
            List<List<CheckedNode>> lists = new java.util.ArrayList<>();
            for (Candidates c : list) {
                lists.add(c.select(facts));
            }
            return facts.union(lists);
        };
    }

    /** Nodes a bridge check has marked as a bus of any kind. */
    static Candidates busNodes() {
        return TreeFacts::busNodes;
    }
}
