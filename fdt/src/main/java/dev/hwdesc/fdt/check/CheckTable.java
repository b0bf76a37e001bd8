package dev.hwdesc.fdt.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * dtc 1.6.1's check_table: the 88 checks in the order they run, with their prerequisites resolved
 * to table positions.
 */
final class CheckTable {

    /** dtc's always_fail, a check for testing dtc itself that fails at every node. */
    static final CheckDefinition ALWAYS_FAIL = CheckDefinition.off("always_fail",
            Candidates.everyNode(), (ctx, n) -> ctx.fail(n.node(), "always_fail check"));

    private static final List<CheckDefinition> CHECKS = build();
    private static final Map<String, Integer> INDEX = new HashMap<>();
    private static final int[][] PREREQUISITES = new int[CHECKS.size()][];
    private static final int[][] DEPENDENTS = new int[CHECKS.size()][];

    static {
        for (int i = 0; i < CHECKS.size(); i++) {
            if (INDEX.put(CHECKS.get(i).name(), i) != null) {
                throw new IllegalStateException("duplicate check " + CHECKS.get(i).name());
            }
        }
        List<List<Integer>> dependents = new ArrayList<>();
        for (int i = 0; i < CHECKS.size(); i++) {
            dependents.add(new ArrayList<>());
        }
        for (int i = 0; i < CHECKS.size(); i++) {
            List<String> names = CHECKS.get(i).prerequisites();
            PREREQUISITES[i] = new int[names.size()];
            for (int j = 0; j < names.size(); j++) {
                Integer p = INDEX.get(names.get(j));
                if (p == null) {
                    throw new IllegalStateException(CHECKS.get(i).name() + ": unknown prerequisite " + names.get(j));
                }
                PREREQUISITES[i][j] = p;
                dependents.get(p).add(i);
            }
        }
        for (int i = 0; i < CHECKS.size(); i++) {
            DEPENDENTS[i] = dependents.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private CheckTable() {
    }

    private static List<CheckDefinition> build() {
        List<CheckDefinition> t = new ArrayList<>();
        t.add(StructureChecks.DUPLICATE_NODE_NAMES);
        t.add(StructureChecks.DUPLICATE_PROPERTY_NAMES);
        t.add(NameChecks.NODE_NAME_CHARS);
        t.add(NameChecks.NODE_NAME_FORMAT);
        t.add(NameChecks.PROPERTY_NAME_CHARS);
        t.add(NamePropertyChecks.NAME_IS_STRING);
        t.add(NamePropertyChecks.NAME_PROPERTIES);
        t.add(NameChecks.NODE_NAME_VS_PROPERTY_NAME);

        t.add(LabelChecks.DUPLICATE_LABEL);

        t.add(ReferenceFixups.EXPLICIT_PHANDLES);
        t.add(ReferenceFixups.PHANDLE_REFERENCES);
        t.add(ReferenceFixups.PATH_REFERENCES);
        t.add(ReferenceFixups.OMIT_UNUSED_NODES);

        t.add(ValueTypeChecks.ADDRESS_CELLS_IS_CELL);
        t.add(ValueTypeChecks.SIZE_CELLS_IS_CELL);
        t.add(ValueTypeChecks.DEVICE_TYPE_IS_STRING);
        t.add(ValueTypeChecks.MODEL_IS_STRING);
        t.add(ValueTypeChecks.STATUS_IS_STRING);
        t.add(ValueTypeChecks.LABEL_IS_STRING);

        t.add(ValueTypeChecks.COMPATIBLE_IS_STRING_LIST);
        t.add(ValueTypeChecks.NAMES_IS_STRING_LIST);

        t.add(NameChecks.PROPERTY_NAME_CHARS_STRICT);
        t.add(NameChecks.NODE_NAME_CHARS_STRICT);

        t.add(AddressChecks.ADDR_SIZE_CELLS);
        t.add(AddressChecks.REG_FORMAT);
        t.add(AddressChecks.RANGES_FORMAT);
        t.add(AddressChecks.DMA_RANGES_FORMAT);

        t.add(AddressChecks.UNIT_ADDRESS_VS_REG);
        t.add(AddressChecks.UNIT_ADDRESS_FORMAT);

        t.add(PciChecks.PCI_BRIDGE);
        t.add(PciChecks.PCI_DEVICE_REG);
        t.add(PciChecks.PCI_DEVICE_BUS_NUM);

        t.add(SimpleBusChecks.SIMPLE_BUS_BRIDGE);
        t.add(SimpleBusChecks.SIMPLE_BUS_REG);

        t.add(I2cChecks.I2C_BUS_BRIDGE);
        t.add(I2cChecks.I2C_BUS_REG);

        t.add(SpiChecks.SPI_BUS_BRIDGE);
        t.add(SpiChecks.SPI_BUS_REG);

        t.add(AddressChecks.AVOID_DEFAULT_ADDR_SIZE);
        t.add(AddressChecks.AVOID_UNNECESSARY_ADDR_SIZE);
        t.add(AddressChecks.UNIQUE_UNIT_ADDRESS);
        t.add(AddressChecks.UNIQUE_UNIT_ADDRESS_IF_ENABLED);
        t.add(ChosenChecks.OBSOLETE_CHOSEN_INTERRUPT_CONTROLLER);
        t.add(ChosenChecks.CHOSEN_NODE_IS_ROOT);
        t.add(ChosenChecks.CHOSEN_NODE_BOOTARGS);
        t.add(ChosenChecks.CHOSEN_NODE_STDOUT_PATH);

        t.addAll(ProviderChecks.providerChecks());

        t.add(ProviderChecks.DEPRECATED_GPIO_PROPERTY);
        t.add(ProviderChecks.GPIOS_PROPERTY);
        t.add(InterruptChecks.INTERRUPTS_PROPERTY);
        t.add(InterruptChecks.INTERRUPT_PROVIDER);

        t.add(AliasChecks.ALIAS_PATHS);

        t.add(GraphChecks.GRAPH_NODES);
        t.add(GraphChecks.GRAPH_CHILD_ADDRESS);
        t.add(GraphChecks.GRAPH_PORT);
        t.add(GraphChecks.GRAPH_ENDPOINT);

        t.add(ALWAYS_FAIL);
        return List.copyOf(t);
    }

    static int size() {
        return CHECKS.size();
    }

    static CheckDefinition definition(int check) {
        return CHECKS.get(check);
    }

    static String name(int check) {
        return CHECKS.get(check).name();
    }

    static CheckBody body(int check) {
        return CHECKS.get(check).body();
    }

    /** The table position of a check, or -1. */
    static int indexOf(String name) {
        return INDEX.getOrDefault(name, -1);
    }

    static int[] prerequisites(int check) {
        return PREREQUISITES[check];
    }

    /** The checks that list this one as a prerequisite, in table order. */
    static int[] dependents(int check) {
        return DEPENDENTS[check];
    }

    static List<String> names() {
        return CHECKS.stream().map(CheckDefinition::name).toList();
    }
}
