package dev.hwdesc.platform.fromtree;

import dev.hwdesc.platform.Timer;
import java.util.Optional;

/** The architected timer (timer/arm,arch_timer.yaml): its compatible, its 4 or 5 PPIs, always-on. */
final class TimerNode {

    private TimerNode() {
    }

    static Optional<Timer> read(ReadContext ctx) {
        return ctx.single(NodeRole.TIMER, "architected timer").flatMap(n -> ctx.read(n,
                c -> new Timer(ctx.interrupts.of(c), c.flag("always-on"), c.strings("compatible"))));
    }
}
