/**
 * dtc 1.6.1's checks (checks.c) and their fixups, message for message.
 *
 * <p>{@link dev.hwdesc.fdt.check.Checker} runs the checks of {@code CheckTable} in dtc's order with
 * the levels of a {@link dev.hwdesc.fdt.check.CheckSelection}: each after its prerequisites, and none
 * at all once one at error level has failed. The checks are grouped by theme (structure, names, the
 * "name" property, labels, reference fixups, value types, addresses, PCI, simple-bus, I2C, SPI,
 * /chosen, aliases, providers, interrupts, graph); each is a {@code CheckDefinition} with dtc's
 * name, levels and prerequisites, a body that is dtc's check function, and the candidate nodes it can
 * matter at. {@code TreeFacts} indexes the tree once per run so that a check visits only those
 * candidates, and answers property lookups from a flat table: a run costs a few passes over memory
 * rather than one per check, and lookups by label, path and phandle go through maps.
 *
 * <p>Where dtc 1.6.1 crashes or hangs (an assertion on a cell that is not 4 bytes long, the root
 * holding an endpoint, a zero-step phandle-argument loop), the checker reads what is there, skips the
 * step or stops; no such input passes through dtc, so there is nothing to match.
 */
package dev.hwdesc.fdt.check;
