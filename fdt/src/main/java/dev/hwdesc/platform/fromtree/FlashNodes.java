package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.Flash;
import dev.hwdesc.platform.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CFI flash (mtd/mtd-physmap.yaml, compatible "cfi-flash"): the banks of one normal-world node, after
 * the one bank of a secure-only node when there is one (then the first bank is the secure world's),
 * all of one bank-width.
 */
final class FlashNodes {

    private record Banks(List<Region> banks, int width) {
    }

    private FlashNodes() {
    }

    static Optional<Flash> read(ReadContext ctx) {
        Optional<Banks> secure = Optional.empty();
        Optional<Banks> normal = Optional.empty();
        for (Node n : ctx.all(NodeRole.CFI_FLASH)) {
            NodeStatus status = NodeStatus.of(n);
            boolean taken = status == NodeStatus.SECURE_ONLY ? secure.isPresent() : status == NodeStatus.ENABLED && normal.isPresent();
            if (taken) {
                ctx.unread(n, "a second " + (status == NodeStatus.SECURE_ONLY ? "secure-only " : "") + "flash node: the platform holds one of each");
                continue;
            }
            Optional<ReadContext.Attempt<Banks>> a = ctx.attempt(n, true, c -> {
                c.compatible("cfi-flash");
                int width = DeviceParts.toInt(c.u32("bank-width"), "bank-width");
                List<Region> banks = ctx.addresses.reg(c);
                if (c.secure() && banks.size() != 1) {
                    throw new Malformed("reg: a secure-only flash node of " + banks.size() + " banks; the model's has one");
                }
                return new Banks(banks, width);
            });
            if (a.isPresent() && a.get().claim().secure()) {
                secure = Optional.of(a.get().value());
                if (normal.isPresent() && normal.get().width() != secure.get().width()) {
                    ctx.unread(n, "its bank-width differs from the normal-world flash's");
                    secure = Optional.empty();
                    continue;
                }
                ctx.commit(a.get());
            } else if (a.isPresent()) {
                if (secure.isPresent() && secure.get().width() != a.get().value().width()) {
                    ctx.unread(n, "its bank-width differs from the secure-only flash's");
                    continue;
                }
                normal = Optional.of(ctx.commit(a.get()));
            }
        }
        if (secure.isEmpty() && normal.isEmpty()) {
            return Optional.empty();
        }
        List<Region> banks = new ArrayList<>();
        secure.ifPresent(s -> banks.addAll(s.banks()));
        normal.ifPresent(b -> banks.addAll(b.banks()));
        int width = secure.isPresent() ? secure.get().width() : normal.get().width();
        return Optional.of(new Flash(banks, width, secure.isPresent()));
    }
}
