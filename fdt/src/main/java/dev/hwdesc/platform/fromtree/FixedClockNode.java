package dev.hwdesc.platform.fromtree;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.FixedClock;
import java.util.List;
import java.util.Optional;

/**
 * The peripheral clock (clock/fixed-clock.yaml): the first fixed clock, which PL011, PL031 and PL061
 * clocks must name to be read as the model's. Its name is the node's name.
 */
final class FixedClockNode {

    /** The clock and its node. */
    record Result(FixedClock clock, Node node) {
    }

    private FixedClockNode() {
    }

    static Optional<Result> read(ReadContext ctx) {
        return ctx.single(NodeRole.FIXED_CLOCK, "fixed clock").flatMap(n -> ctx.read(n, c -> {
            c.compatible("fixed-clock");
            if (c.u32("#clock-cells") != 0) {
                throw new Malformed("#clock-cells should be 0");
            }
            long frequency = c.optionalNumber("clock-frequency").orElseThrow(() -> new Malformed("no clock-frequency"));
            Optional<String> output = Optional.empty();
            if (c.node().hasProperty("clock-output-names")) {
                List<String> names = c.strings("clock-output-names");
                output = Optional.of(names.get(0));
                if (names.size() > 1) {
                    c.leave("clock-output-names", "a fixed clock has one output; the other names are not kept");
                }
            }
            return new Result(new FixedClock(n.name(), frequency, output), n);
        }));
    }
}
