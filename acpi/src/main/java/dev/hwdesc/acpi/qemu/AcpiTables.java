package dev.hwdesc.acpi.qemu;

import dev.hwdesc.acpi.table.Structure;
import dev.hwdesc.acpi.table.TableLayouts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A VM's static ACPI tables in the order the VMM builds them, by signature (the RSDP as "RSDP").
 * Each table is a {@link Structure}; {@link #bytes(String)} encodes one, with length and checksum.
 */
public record AcpiTables(Map<String, Structure> tables) {

    public AcpiTables {
        tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    public Structure table(String signature) {
        Structure s = tables.get(signature);
        if (s == null) {
            throw new IllegalArgumentException("no " + signature + " table (have " + tables.keySet() + ")");
        }
        return s;
    }

    public byte[] bytes(String signature) {
        return TableLayouts.encode(table(signature));
    }
}
