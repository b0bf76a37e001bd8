package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.platform.CpuTopology;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cpu-map (cpu/cpu-topology.txt): socketN (optional) / clusterN / coreN / threadN (optional),
 * each leaf naming its CPU by phandle. Read as one claim over the whole subtree: every CPU read must
 * be placed exactly once, or none of the map counts. Nested clusters are not kept.
 */
final class CpuMap {

    private static final Pattern LEVEL = Pattern.compile("(socket|cluster|core|thread)(\\d{1,5})");

    private final Claim claim;
    private final Map<Node, Integer> indexOf;
    private final Phandles phandles;
    private final CpuTopology.Place[] places;

    private CpuMap(Claim claim, Map<Node, Integer> indexOf, int cpus, Phandles phandles) {
        this.claim = claim;
        this.indexOf = indexOf;
        this.phandles = phandles;
        this.places = new CpuTopology.Place[cpus];
    }

    /** Each CPU's place, by index. */
    static CpuTopology.Place[] places(Claim c, Map<Node, Integer> indexOf, int cpus, Phandles phandles) throws Malformed {
        CpuMap map = new CpuMap(c, indexOf, cpus, phandles);
        for (Node child : c.node().children()) {
            switch (level(child)) {
                case "socket" -> map.socket(child, number(child));
                case "cluster" -> map.cluster(child, 0, number(child));
                default -> throw new Malformed(child.fullPath() + " is not a socketN or clusterN node");
            }
        }
        for (int i = 0; i < cpus; i++) {
            if (map.places[i] == null) {
                throw new Malformed("the CPU of index " + i + " is not in the cpu-map");
            }
        }
        return map.places;
    }

    /** The smallest topology that holds every place. */
    static CpuTopology topology(CpuTopology.Place[] places) {
        int sockets = 0;
        int clusters = 0;
        int cores = 0;
        int threads = 0;
        for (CpuTopology.Place p : places) {
            sockets = Math.max(sockets, p.socket());
            clusters = Math.max(clusters, p.cluster());
            cores = Math.max(cores, p.core());
            threads = Math.max(threads, p.thread());
        }
        return new CpuTopology(sockets + 1, clusters + 1, cores + 1, threads + 1);
    }

    private void socket(Node socket, int s) throws Malformed {
        claim.interpretOther(socket);
        for (Node child : socket.children()) {
            if (!level(child).equals("cluster")) {
                throw new Malformed(child.fullPath() + " is not a clusterN node");
            }
            cluster(child, s, number(child));
        }
    }

    private void cluster(Node cluster, int s, int k) throws Malformed {
        claim.interpretOther(cluster);
        for (Node child : cluster.children()) {
            switch (level(child)) {
                case "core" -> core(child, s, k, number(child));
                case "cluster" -> throw new Malformed(child.fullPath() + ": nested clusters are not kept");
                default -> throw new Malformed(child.fullPath() + " is not a coreN node");
            }
        }
    }

    private void core(Node core, int s, int k, int n) throws Malformed {
        claim.interpretOther(core);
        List<Node> threads = core.children();
        if (core.hasProperty("cpu")) {
            if (!threads.isEmpty()) {
                throw new Malformed(core.fullPath() + " has both a cpu and threads");
            }
            leaf(core, new CpuTopology.Place(s, k, n, 0));
            return;
        }
        for (Node child : threads) {
            if (!level(child).equals("thread")) {
                throw new Malformed(child.fullPath() + " is not a threadN node");
            }
            claim.interpretOther(child);
            leaf(child, new CpuTopology.Place(s, k, n, number(child)));
        }
    }

    private void leaf(Node leaf, CpuTopology.Place place) throws Malformed {
        Property p = leaf.property("cpu").orElseThrow(() -> new Malformed(leaf.fullPath() + " names no cpu"));
        Cells cells = Cells.of(p);
        if (cells.size() != 1) {
            throw new Malformed(leaf.fullPath() + ": cpu is not one phandle");
        }
        Node cpu = phandles.node(cells, 0);
        Integer index = indexOf.get(cpu);
        if (index == null) {
            throw new Malformed(leaf.fullPath() + ": cpu names " + cpu.fullPath() + ", which is not a CPU that was read");
        }
        if (places[index] != null) {
            throw new Malformed(leaf.fullPath() + ": " + cpu.fullPath() + " is placed twice");
        }
        places[index] = place;
        claim.takeOther(leaf, p);
    }

    private static String level(Node n) {
        Matcher m = LEVEL.matcher(n.name());
        return m.matches() ? m.group(1) : "";
    }

    private static int number(Node n) {
        Matcher m = LEVEL.matcher(n.name());
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }
}
