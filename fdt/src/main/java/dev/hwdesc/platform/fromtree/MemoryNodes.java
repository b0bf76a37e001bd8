package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.MemoryRegion;
import dev.hwdesc.platform.Region;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Memory nodes (device_type "memory"): every reg entry is a region of RAM, with the node's
 * numa-node-id; the regions come out in address order. A secure-only memory node is the secure
 * world's RAM, left for {@link SecureWorldParts} to accept or refuse.
 */
final class MemoryNodes {

    /** The normal world's RAM, and the attempt at secure RAM if there is one. */
    record Result(List<MemoryRegion> ram, Optional<ReadContext.Attempt<Region>> secureRam) {
    }

    private record Memory(List<Region> regions, int numaNode) {
    }

    private MemoryNodes() {
    }

    static Result read(ReadContext ctx) {
        List<MemoryRegion> ram = new ArrayList<>();
        Optional<ReadContext.Attempt<Region>> secure = Optional.empty();
        for (Node n : ctx.all(NodeRole.MEMORY)) {
            if (NodeStatus.of(n) == NodeStatus.SECURE_ONLY && secure.isPresent()) {
                ctx.unread(n, "a second secure-only memory node: the secure world holds one RAM region");
                continue;
            }
            Optional<ReadContext.Attempt<Memory>> a = ctx.attempt(n, true, c -> memory(ctx, c));
            if (a.isEmpty()) {
                continue;
            }
            if (a.get().claim().secure()) {
                if (a.get().value().regions().size() != 1 || a.get().value().numaNode() >= 0) {
                    ctx.unread(n, "secure-only memory of more than one region, or with a NUMA node, is not kept");
                    continue;
                }
                secure = Optional.of(new ReadContext.Attempt<>(a.get().value().regions().get(0), a.get().claim()));
            } else {
                Memory m = ctx.commit(a.get());
                m.regions().forEach(r -> ram.add(new MemoryRegion(r, m.numaNode())));
            }
        }
        ram.sort(Comparator.comparing(m -> m.range().base(), Long::compareUnsigned));
        return new Result(ram, secure);
    }

    private static Memory memory(ReadContext ctx, Claim c) throws Malformed {
        c.string("device_type");
        List<Region> regions = ctx.addresses.reg(c);
        int numa = -1;
        Optional<Long> node = c.optionalU32("numa-node-id");
        if (node.isPresent()) {
            numa = DeviceParts.toInt(node.get(), "numa-node-id");
        }
        return new Memory(regions, numa);
    }
}
