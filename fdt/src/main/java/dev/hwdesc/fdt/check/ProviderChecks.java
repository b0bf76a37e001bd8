package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * dtc's phandle-plus-arguments checks: a property such as "clocks" is a list of (phandle, n
 * argument cells) where the provider's "#clock-cells" says n; and each "#...-cells" must be one
 * cell. Also the *-gpios properties, which use #gpio-cells.
 */
final class ProviderChecks {

    /** A property of phandle+args lists and the provider property that gives the argument count. */
    record Provider(String checkPrefix, String propertyName, String cellsName, boolean optional) {
    }

    static final List<Provider> PROVIDERS = List.of(
            new Provider("clocks", "clocks", "#clock-cells", false),
            new Provider("cooling_device", "cooling-device", "#cooling-cells", false),
            new Provider("dmas", "dmas", "#dma-cells", false),
            new Provider("hwlocks", "hwlocks", "#hwlock-cells", false),
            new Provider("interrupts_extended", "interrupts-extended", "#interrupt-cells", false),
            new Provider("io_channels", "io-channels", "#io-channel-cells", false),
            new Provider("iommus", "iommus", "#iommu-cells", false),
            new Provider("mboxes", "mboxes", "#mbox-cells", false),
            new Provider("msi_parent", "msi-parent", "#msi-cells", true),
            new Provider("mux_controls", "mux-controls", "#mux-control-cells", false),
            new Provider("phys", "phys", "#phy-cells", false),
            new Provider("power_domains", "power-domains", "#power-domain-cells", false),
            new Provider("pwms", "pwms", "#pwm-cells", false),
            new Provider("resets", "resets", "#reset-cells", false),
            new Provider("sound_dai", "sound-dai", "#sound-dai-cells", false),
            new Provider("thermal_sensors", "thermal-sensors", "#thermal-sensor-cells", false));

    private static final Predicate<String> GPIO_LIST = ProviderChecks::isGpioList;
    private static final Predicate<String> DEPRECATED_GPIO = name -> isGpioList(name) && name.endsWith("gpio");

    private ProviderChecks() {
    }

    /** For each provider, in table order: {@code <x>_property} then {@code <x>_is_cell}. */
    static List<CheckDefinition> providerChecks() {
        List<CheckDefinition> out = new ArrayList<>();
        for (Provider provider : PROVIDERS) {
            String isCell = provider.checkPrefix() + "_is_cell";
            out.add(CheckDefinition.warning(provider.checkPrefix() + "_property",
                    Candidates.withProperty(provider.propertyName()), (ctx, n) -> {
                n.property(provider.propertyName())
                        .ifPresent(p -> checkPhandleArguments(ctx, n.node(), p, provider));
            }, isCell, "phandle_references"));
            out.add(ValueTypeChecks.warningIfNotCell(isCell, provider.cellsName()));
        }
        return out;
    }

    /** gpio-hog nodes are skipped; ",nr-gpios" names are not GPIO lists. */
    static final CheckDefinition GPIOS_PROPERTY = CheckDefinition.warning("gpios_property",
            Candidates.withPropertyNamed(GPIO_LIST), (ctx, n) -> {
                Node node = n.node();
                if (n.hasProperty("gpio-hog")) {
                    return;
                }
                for (Property p : node.properties()) {
                    if (isGpioList(p.name())) {
                        checkPhandleArguments(ctx, node, p, new Provider("gpios", p.name(), "#gpio-cells", false));
                    }
                }
            }, "phandle_references");

    static final CheckDefinition DEPRECATED_GPIO_PROPERTY = CheckDefinition.off("deprecated_gpio_property",
            Candidates.withPropertyNamed(DEPRECATED_GPIO), (ctx, n) -> {
                for (Property p : n.node().properties()) {
                    if (isGpioList(p.name()) && p.name().endsWith("gpio")) {
                        ctx.failProperty(n.node(), p, "'[*-]gpio' is deprecated, use '[*-]gpios' instead");
                    }
                }
            });

    static boolean isGpioList(String name) {
        if (name.endsWith(",nr-gpios")) {
            return false;
        }
        return name.endsWith("-gpios") || name.equals("gpios") || name.endsWith("-gpio") || name.equals("gpio");
    }

    /**
     * dtc 1.6.1's check_property_phandle_args, with its 32-bit unsigned cell arithmetic. Where dtc
     * would loop forever (an argument count of 0xffffffff makes the step zero) this stops instead.
     */
    static void checkPhandleArguments(CheckContext ctx, Node node, Property prop, Provider provider) {
        PropertyValue v = prop.value();
        int len = v.length();
        if (len % 4 != 0) {
            ctx.failProperty(node, prop, "property size (" + len + ") is invalid, expected multiple of 4");
            return;
        }
        long cellCount = len / 4;
        long cell = 0;
        long cellSize = 0;
        while (cell < cellCount) {
            long phandle = v.u32At((int) (cell * 4));
            if (Cells.isNoPhandle(phandle)) {
                if (ctx.isPlugin()) {
                    break;
                }
                cellSize = 0;
            } else {
                if (!v.markers().isEmpty() && !hasPhandleReferenceAt(v, cell * 4)) {
                    ctx.failProperty(node, prop, "cell " + (int) cell + " is not a phandle reference");
                }
                Optional<Node> providerNode = ctx.phandles().nodeWithPhandle(phandle);
                if (providerNode.isEmpty()) {
                    ctx.failProperty(node, prop, "Could not get phandle node for (cell " + (int) cell + ")");
                    break;
                }
                Optional<Property> cellsProperty = providerNode.get().property(provider.cellsName());
                if (cellsProperty.isPresent()) {
                    cellSize = Cells.first(cellsProperty.get().value());
                } else if (provider.optional()) {
                    cellSize = 0;
                } else {
                    ctx.fail(node, "Missing property '" + provider.cellsName() + "' in node "
                            + ctx.pathOf(providerNode.get()) + " or bad phandle (referred from " + prop.name() + "["
                            + (int) cell + "])");
                    break;
                }
                long end = ((cell + cellSize + 1) & 0xffffffffL) * 4;
                if (len < end) {
                    ctx.failProperty(node, prop, "property size (" + len + ") too small for cell size "
                            + (int) cellSize);
                }
            }
            long step = (cellSize + 1) & 0xffffffffL;
            if (step == 0) {
                break;
            }
            cell = (cell + step) & 0xffffffffL;
        }
    }

    private static boolean hasPhandleReferenceAt(PropertyValue v, long offset) {
        for (Marker m : v.markers()) {
            if (m instanceof Marker.PhandleRef && m.offset() == offset) {
                return true;
            }
        }
        return false;
    }
}
