package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One walk over the tree when a run begins: the live nodes in pre-order, and for each kind of
 * thing a check looks for (a property name, a name shape, labels, references...) the nodes that
 * have it. A check then visits only its candidates instead of every node, which keeps a run over a
 * large tree to a few passes over memory.
 *
 * <p>Candidate lists are supersets: checks re-test what they need on the live tree. They stay
 * valid while the checks change the tree, because the only changes are removing "name"
 * properties, adding "phandle"/"linux,phandle" properties (which no check after
 * phandle_references selects on), changing values, and deleting nodes (skipped by the runner).
 */
final class TreeFacts {

    /** Node names some checks select on exactly: dtc compares the full name with these. */
    private static final Set<String> FULL_NAMES = Set.of("chosen", "aliases");
    /** Base names (before '@') some checks select on. */
    private static final Set<String> BASE_NAMES = Set.of("i2c", "i2c-bus", "i2c-arb", "spi", "endpoint");
    private static final int LONGEST_BASE_NAME = 8;

    private final List<CheckedNode> preOrder = new ArrayList<>();
    private final Set<Node> tombstones = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Per property name: the number the flat table uses for it, and the nodes that have it. */
    private static final class PropertyName {
        final int id;
        final NodeOrders nodes = new NodeOrders();

        PropertyName(int id) {
            this.id = id;
        }
    }

    private final Map<String, PropertyName> byPropertyName = new HashMap<>();
    /** Every node's live properties at the start, node after node in pre-order, with their names. */
    private int[] flatNames = new int[64];
    private Property[] flatProperties = new Property[64];
    private int flatSize;
    private final Set<Node> changedProperties = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, NodeOrders> byName = new HashMap<>();
    private final Map<Predicate<String>, NodeOrders> byPropertyNameShape = new IdentityHashMap<>();
    private final NodeOrders withUnitAddress = new NodeOrders();
    private final NodeOrders withBadNameCharacter = new NodeOrders();
    private final NodeOrders withNonStrictNameCharacter = new NodeOrders();
    private final NodeOrders withSiblings = new NodeOrders();
    private final NodeOrders withRepeatedPropertyName = new NodeOrders();
    private final NodeOrders namedLikeParentProperty = new NodeOrders();
    private final NodeOrders withLabels = new NodeOrders();
    private final NodeOrders withPhandleReferences = new NodeOrders();
    private final NodeOrders withPathReferences = new NodeOrders();
    private final NodeOrders omitIfNoRef = new NodeOrders();
    private final NodeOrders graphPortCandidates = new NodeOrders();
    private final List<CheckedNode> busNodes = new ArrayList<>();
    private final Set<CheckedNode> busNodeSet = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean cellsRecorded;

    private TreeFacts() {
    }

    /** Walks the tree once; the root is always included, deleted nodes never (they are noted as tombstones). */
    static TreeFacts of(Node root) {
        TreeFacts facts = new TreeFacts();
        facts.walk(root);
        return facts;
    }

    private void walk(Node root) {
        Deque<CheckedNode> stack = new ArrayDeque<>();
        stack.push(new CheckedNode(root, null, this));
        while (!stack.isEmpty()) {
            CheckedNode n = stack.pop();
            int order = preOrder.size();
            n.setOrder(order);
            preOrder.add(n);
            Node node = n.node();
            node.setPhandle(0);
            noteName(n, order);
            noteProperties(n, order);
            List<Node> kids = node.childrenWithDeleted();
            if (kids.size() >= 2) {
                withSiblings.add(order);
            }
            for (int i = kids.size() - 1; i >= 0; i--) {
                Node k = kids.get(i);
                if (k.isDeleted()) {
                    tombstones.add(k);
                    continue;
                }
                CheckedNode child = new CheckedNode(k, n, this);
                stack.push(child);
                String childName = k.name();
                if (isNodePropertyName(childName)) {
                    child.markNamedLikeParentProperty();
                }
                if (childName.equals("__overlay__")) {
                    n.markOverlayFragment();
                }
            }
            if (n.isNamedLikeParentProperty()) {
                namedLikeParentProperty.add(order);
            }
        }
        // Subtree sizes, children after parents in reverse pre-order.
        for (int i = preOrder.size() - 1; i > 0; i--) {
            CheckedNode n = preOrder.get(i);
            n.parentOrThrow().addToSubtree(n.subtreeSize());
        }
        graphPortCandidates.sortUnique();
    }

    private void noteName(CheckedNode n, int order) {
        Node node = n.node();
        String name = node.name();
        int at = name.indexOf('@');
        int baseLength = at < 0 ? name.length() : at;
        if (at >= 0) {
            withUnitAddress.add(order);
        }
        int ok = NameChecks.STRICT_CHARS.span(name);
        if (ok < baseLength) {
            withNonStrictNameCharacter.add(order);
        }
        if (ok < name.length() && NameChecks.NODE_CHARS.span(name) < name.length()) {
            withBadNameCharacter.add(order);
        }
        if (baseLength <= LONGEST_BASE_NAME && ok >= baseLength) {
            // Interesting names use only strict characters; most names never get here.
            for (String base : BASE_NAMES) {
                if (base.length() == baseLength && name.startsWith(base)) {
                    byName.computeIfAbsent("base:" + base, k -> new NodeOrders()).add(order);
                    if (!n.isRoot() && base.equals("endpoint")) {
                        graphPortCandidates.add(n.parentOrThrow().order());
                    }
                }
            }
            if (at < 0 && FULL_NAMES.contains(name)) {
                byName.computeIfAbsent("full:" + name, k -> new NodeOrders()).add(order);
            }
        }
        if (node.isOmitIfNoRef()) {
            omitIfNoRef.add(order);
        }
    }

    /** Up to this many properties, a node's names are compared pairwise instead of through a hash set. */
    private static final int FEW_PROPERTIES = 16;

    /** The properties (deleted ones included) and name numbers of the node last passed to noteProperties. */
    private List<Property> nodeProperties = List.of();
    private int[] nodeNameIds = new int[FEW_PROPERTIES];
    private int nodeNameCount;
    private final Set<String> nodeNameSet = new HashSet<>();

    /** Indexes the node's property names, and keeps them for {@link #isNodePropertyName}. */
    private void noteProperties(CheckedNode n, int order) {
        Node node = n.node();
        boolean labels = !node.labels().isEmpty();
        boolean phandleRefs = false;
        boolean pathRefs = false;
        boolean repeated = false;
        List<Property> raw = node.propertiesWithDeleted();
        if (nodeNameCount > FEW_PROPERTIES) {
            nodeNameSet.clear();
        }
        nodeNameCount = 0;
        nodeProperties = raw;
        if (nodeNameIds.length < raw.size()) {
            nodeNameIds = new int[raw.size()];
        }
        boolean many = raw.size() > FEW_PROPERTIES;
        n.setPropertySlice(flatSize);
        for (int i = 0; i < raw.size(); i++) {
            Property p = raw.get(i);
            String name = p.name();
            PropertyName entry = byPropertyName.get(name); // not computeIfAbsent: no lambda per property
            if (entry == null) {
                entry = new PropertyName(byPropertyName.size());
                byPropertyName.put(name, entry);
            }
            boolean deleted = p.isDeleted();
            if (!deleted) {
                addFlat(entry.id, p);
            }
            boolean firstOfName = many ? nodeNameSet.add(name) : !seenOnThisNode(entry.id);
            nodeNameIds[nodeNameCount++] = entry.id;
            if (!firstOfName) {
                repeated = true;
                continue;
            }
            entry.nodes.add(order);
            if (deleted) {
                continue;
            }
            if (name.equals("remote-endpoint") && !n.isRoot()) {
                graphPortCandidates.add(n.parentOrThrow().order());
            }
            labels |= !p.labels().isEmpty();
            List<Marker> markers = p.value().markers();
            for (int m = 0; m < markers.size(); m++) {
                Marker marker = markers.get(m);
                labels |= marker instanceof Marker.ValueLabel;
                phandleRefs |= marker instanceof Marker.PhandleRef;
                pathRefs |= marker instanceof Marker.PathRef;
            }
        }
        n.endPropertySlice(flatSize);
        if (repeated) {
            withRepeatedPropertyName.add(order);
        }
        if (labels) {
            withLabels.add(order);
        }
        if (phandleRefs) {
            withPhandleReferences.add(order);
        }
        if (pathRefs) {
            withPathReferences.add(order);
        }
    }

    private boolean seenOnThisNode(int nameId) {
        for (int i = 0; i < nodeNameCount; i++) {
            if (nodeNameIds[i] == nameId) {
                return true;
            }
        }
        return false;
    }

    /** Whether the node last passed to noteProperties has a property (maybe deleted) called {@code name}. */
    private boolean isNodePropertyName(String name) {
        if (nodeNameCount > FEW_PROPERTIES) {
            return nodeNameSet.contains(name);
        }
        for (int i = 0; i < nodeNameCount; i++) {
            if (nodeProperties.get(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private void addFlat(int name, Property p) {
        if (flatSize == flatNames.length) {
            flatNames = Arrays.copyOf(flatNames, flatSize * 2);
            flatProperties = Arrays.copyOf(flatProperties, flatSize * 2);
        }
        flatNames[flatSize] = name;
        flatProperties[flatSize] = p;
        flatSize++;
    }

    // ---- property lookups

    /**
     * dtc's get_property on a node, answered from the table made at the start (names compared by
     * identity, no property object touched until one matches) unless the node's properties have
     * changed since.
     */
    Optional<Property> property(CheckedNode n, String name) {
        if (n.propertiesChanged() || (!changedProperties.isEmpty() && changedProperties.contains(n.node()))) {
            return n.node().property(name);
        }
        int id = nameId(name);
        if (id < 0) {
            return Optional.empty();
        }
        for (int i = n.propertyStart(), end = n.propertyEnd(); i < end; i++) {
            if (flatNames[i] == id) {
                return Optional.of(flatProperties[i]);
            }
        }
        return Optional.empty();
    }

    private static final int NAME_CACHE_SIZE = 64;
    private final String[] nameCacheKeys = new String[NAME_CACHE_SIZE];
    private final int[] nameCacheValues = new int[NAME_CACHE_SIZE];

    /**
     * The number the flat table uses for {@code name}, or -1 when no node had such a property;
     * checks ask for the same few names over and over, so answers are cached by identity.
     */
    private int nameId(String name) {
        int slot = System.identityHashCode(name) & (NAME_CACHE_SIZE - 1);
        if (nameCacheKeys[slot] == name) {
            return nameCacheValues[slot];
        }
        PropertyName entry = byPropertyName.get(name);
        int id = entry == null ? -1 : entry.id;
        nameCacheKeys[slot] = name;
        nameCacheValues[slot] = id;
        return id;
    }

    /** Marks a node deleted during the run, with everything below it, so the runner skips them. */
    void subtreeDeleted(CheckedNode top) {
        for (int i = top.order(), end = top.order() + top.subtreeSize(); i < end; i++) {
            preOrder.get(i).markDeleted();
        }
    }

    /** Call after adding or removing a property of {@code node}: its lookups then go to the live node. */
    void propertiesChanged(Node node) {
        changedProperties.add(node);
    }

    /** Moves nodes changed during the last check onto their own flag, so lookups stay hash-free. */
    void settleChanges() {
        if (changedProperties.isEmpty()) {
            return;
        }
        for (CheckedNode n : preOrder) {
            if (changedProperties.contains(n.node())) {
                n.markPropertiesChanged();
            }
        }
        changedProperties.clear();
    }

    // ---- candidate lists, each in pre-order

    List<CheckedNode> all() {
        return Collections.unmodifiableList(preOrder);
    }

    CheckedNode root() {
        return preOrder.get(0);
    }

    /** Nodes with a property of one of these names (deleted properties included). */
    List<CheckedNode> withProperty(List<String> names) {
        List<NodeOrders> lists = new ArrayList<>();
        for (String name : names) {
            PropertyName entry = byPropertyName.get(name);
            if (entry != null) {
                lists.add(entry.nodes);
            }
        }
        return nodes(lists);
    }

    /** Nodes with a property whose name passes {@code shape}; the answer is kept per predicate instance. */
    List<CheckedNode> withPropertyNamed(Predicate<String> shape) {
        NodeOrders orders = byPropertyNameShape.computeIfAbsent(shape, s -> {
            List<NodeOrders> lists = new ArrayList<>();
            byPropertyName.forEach((name, entry) -> {
                if (s.test(name)) {
                    lists.add(entry.nodes);
                }
            });
            return NodeOrders.union(lists);
        });
        return orders.asNodes(preOrder);
    }

    /** Nodes whose full name is exactly {@code fullName}, one of {@link #FULL_NAMES}. */
    List<CheckedNode> namedExactly(String fullName) {
        if (!FULL_NAMES.contains(fullName)) {
            throw new IllegalArgumentException("not indexed: " + fullName);
        }
        NodeOrders l = byName.get("full:" + fullName);
        return l == null ? List.of() : l.asNodes(preOrder);
    }

    /** Nodes whose base name is one of these, each one of {@link #BASE_NAMES}. */
    List<CheckedNode> withBaseName(List<String> baseNames) {
        List<NodeOrders> lists = new ArrayList<>();
        for (String b : baseNames) {
            if (!BASE_NAMES.contains(b)) {
                throw new IllegalArgumentException("not indexed: " + b);
            }
            NodeOrders l = byName.get("base:" + b);
            if (l != null) {
                lists.add(l);
            }
        }
        return nodes(lists);
    }

    List<CheckedNode> withUnitAddress() {
        return withUnitAddress.asNodes(preOrder);
    }

    List<CheckedNode> withBadNameCharacter() {
        return withBadNameCharacter.asNodes(preOrder);
    }

    List<CheckedNode> withNonStrictNameCharacter() {
        return withNonStrictNameCharacter.asNodes(preOrder);
    }

    /** Nodes with two or more children, deleted ones included. */
    List<CheckedNode> withSiblings() {
        return withSiblings.asNodes(preOrder);
    }

    List<CheckedNode> withRepeatedPropertyName() {
        return withRepeatedPropertyName.asNodes(preOrder);
    }

    /** Nodes whose parent has a property of the same name. */
    List<CheckedNode> namedLikeParentProperty() {
        return namedLikeParentProperty.asNodes(preOrder);
    }

    /** Nodes with a label on themselves, on a property, or inside a value. */
    List<CheckedNode> withLabels() {
        return withLabels.asNodes(preOrder);
    }

    List<CheckedNode> withPhandleReferences() {
        return withPhandleReferences.asNodes(preOrder);
    }

    List<CheckedNode> withPathReferences() {
        return withPathReferences.asNodes(preOrder);
    }

    List<CheckedNode> omitIfNoRef() {
        return omitIfNoRef.asNodes(preOrder);
    }

    /** Parents of nodes named "endpoint" or with remote-endpoint: what graph_nodes can mark. */
    List<CheckedNode> graphPortCandidates() {
        return graphPortCandidates.asNodes(preOrder);
    }

    /** Nodes some bridge check has marked as a bus (whatever they are now), in pre-order. */
    List<CheckedNode> busNodes() {
        busNodes.sort(Comparator.comparingInt(CheckedNode::order));
        return List.copyOf(busNodes);
    }

    /** The live-at-start children of nodes that are now marked as {@code bus}, in pre-order. */
    List<CheckedNode> childrenOfBus(Bus bus) {
        NodeOrders out = new NodeOrders();
        for (CheckedNode n : busNodes()) {
            if (n.bus() == bus) {
                int end = n.order() + n.subtreeSize();
                for (int i = n.order() + 1; i < end; i += preOrder.get(i).subtreeSize()) {
                    out.add(i);
                }
            }
        }
        out.sortUnique();
        return out.asNodes(preOrder);
    }

    void noteBus(CheckedNode n) {
        if (busNodeSet.add(n)) {
            busNodes.add(n);
        }
    }

    boolean isTombstone(Node node) {
        return tombstones.contains(node);
    }

    boolean cellsRecorded() {
        return cellsRecorded;
    }

    /** addr_size_cells has started: nodes it does not record now read as "absent" (-1). */
    void markCellsRecorded() {
        cellsRecorded = true;
    }

    private List<CheckedNode> nodes(List<NodeOrders> lists) {
        if (lists.isEmpty()) {
            return List.of();
        }
        return (lists.size() == 1 ? lists.get(0) : NodeOrders.union(lists)).asNodes(preOrder);
    }

    /** Merges pre-order lists of this tree's nodes into one, in pre-order, without repeats. */
    List<CheckedNode> union(List<List<CheckedNode>> lists) {
        List<List<CheckedNode>> nonEmpty = new ArrayList<>();
        for (List<CheckedNode> l : lists) {
            if (!l.isEmpty()) {
                nonEmpty.add(l);
            }
        }
        if (nonEmpty.size() <= 1) {
            return nonEmpty.isEmpty() ? List.of() : nonEmpty.get(0);
        }
        NodeOrders merged = new NodeOrders();
        for (List<CheckedNode> l : nonEmpty) {
            for (CheckedNode n : l) {
                merged.add(n.order());
            }
        }
        merged.sortUnique();
        return merged.asNodes(preOrder);
    }
}
