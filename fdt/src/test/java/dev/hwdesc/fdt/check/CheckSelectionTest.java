package dev.hwdesc.fdt.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckSelectionTest {

    private static final CheckSelection.Level OFF = new CheckSelection.Level(false, false);
    private static final CheckSelection.Level WARN = new CheckSelection.Level(true, false);
    private static final CheckSelection.Level ERROR = new CheckSelection.Level(false, true);

    @Test
    void tableHasDtc161sEightyEightChecksInOrder() {
        List<String> names = CheckSelection.checkNames();
        assertEquals(88, names.size());
        assertEquals("duplicate_node_names", names.get(0));
        assertEquals("always_fail", names.get(87));
        assertFalse(names.contains("interrupt_map"), "interrupt_map arrived in dtc 1.7.0");
        assertEquals(List.of("clocks_property", "clocks_is_cell"),
                names.subList(names.indexOf("clocks_property"), names.indexOf("clocks_property") + 2));
        assertEquals(List.of("graph_nodes", "graph_child_address", "graph_port", "graph_endpoint"),
                names.subList(names.indexOf("graph_nodes"), names.indexOf("graph_nodes") + 4));
    }

    @Test
    void defaultLevels() {
        CheckSelection s = CheckSelection.defaults();
        long errors = CheckSelection.checkNames().stream().filter(n -> s.level(n).error()).count();
        long warnings = CheckSelection.checkNames().stream().filter(n -> s.level(n).warn()).count();
        assertEquals(12, errors);
        assertEquals(71, warnings);
        for (String off : List.of("always_fail", "node_name_chars_strict", "property_name_chars_strict",
                "unique_unit_address_if_enabled", "deprecated_gpio_property")) {
            assertEquals(OFF, s.level(off), off);
        }
        assertEquals(ERROR, s.level("omit_unused_nodes"));
        assertEquals(WARN, s.level("addr_size_cells"));
    }

    @Test
    void raisingAlsoRaisesPrerequisites() {
        CheckSelection s = CheckSelection.defaults();
        s.apply(false, true, "reg_format");
        for (String n : List.of("reg_format", "addr_size_cells", "address_cells_is_cell", "size_cells_is_cell")) {
            assertEquals(new CheckSelection.Level(true, true), s.level(n), n);
        }
        assertEquals(WARN, s.level("ranges_format"));
    }

    @Test
    void raisingAnOffCheckRaisesOnlyWhatItNeeds() {
        CheckSelection s = CheckSelection.defaults();
        s.apply(true, false, "unique_unit_address_if_enabled");
        assertEquals(WARN, s.level("unique_unit_address_if_enabled"));
        s.apply(false, true, "always_fail");
        assertEquals(ERROR, s.level("always_fail"));
    }

    @Test
    void loweringAlsoLowersDependents() {
        CheckSelection s = CheckSelection.defaults();
        s.apply(true, false, "no-addr_size_cells");
        for (String n : List.of("addr_size_cells", "reg_format", "ranges_format", "dma_ranges_format", "pci_bridge",
                "pci_device_reg", "unit_address_format", "simple_bus_reg", "i2c_bus_reg", "spi_bus_reg",
                "avoid_default_addr_size", "avoid_unnecessary_addr_size", "unique_unit_address")) {
            assertEquals(OFF, s.level(n), n);
        }
        assertEquals(WARN, s.level("address_cells_is_cell"), "prerequisites stay");
        assertEquals(WARN, s.level("graph_port"), "graph checks do not depend on addr_size_cells");
    }

    @Test
    void loweringTheErrorLevelOnlyTouchesErrors() {
        CheckSelection s = CheckSelection.defaults();
        s.apply(false, true, "no_duplicate_node_names");
        assertEquals(OFF, s.level("duplicate_node_names"));
        assertEquals(OFF, s.level("phandle_references"));
        assertEquals(OFF, s.level("path_references"));
        assertEquals(OFF, s.level("omit_unused_nodes"));
        assertEquals(WARN, s.level("clocks_property"), "a warning that needs phandle_references stays a warning");
    }

    @Test
    void bothLevelsAtOnce() {
        CheckSelection s = CheckSelection.defaults();
        s.apply(true, false, "unit_address_vs_reg");
        s.apply(false, true, "unit_address_vs_reg");
        assertEquals(new CheckSelection.Level(true, true), s.level("unit_address_vs_reg"));
        s.apply(true, false, "no-unit_address_vs_reg");
        assertEquals(ERROR, s.level("unit_address_vs_reg"));
    }

    @Test
    void unknownNamesAreRejectedWithDtcsMessage() {
        CheckSelection s = CheckSelection.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.apply(true, false, "bogus"));
        assertEquals("Unrecognized check name \"bogus\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.apply(true, false, "no-bogus"));
        assertEquals("Unrecognized check name \"bogus\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.apply(true, false, "unit-address-vs-reg"));
        assertEquals("Unrecognized check name \"unit-address-vs-reg\"", e.getMessage(),
                "dtc 1.6.1 does not take dashes for underscores");
        assertThrows(IllegalArgumentException.class, () -> s.apply(true, false, "interrupt_map"));
    }

    @Test
    void copiesAreIndependent() {
        CheckSelection a = CheckSelection.defaults();
        CheckSelection b = a.copy();
        b.apply(true, false, "always_fail");
        assertEquals(OFF, a.level("always_fail"));
        assertTrue(b.level("always_fail").warn());
    }
}
