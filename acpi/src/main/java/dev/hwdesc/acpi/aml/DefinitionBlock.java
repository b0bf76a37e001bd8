package dev.hwdesc.acpi.aml;

import java.util.List;

/**
 * What a DefinitionBlock holds after its 36-byte table header: a TermList. The header (signature,
 * length, checksum) belongs to the table layer; this is the AML it covers.
 */
public record DefinitionBlock(List<Aml> terms) {

    public DefinitionBlock {
        terms = List.copyOf(terms);
    }

    /** The encoded TermList. */
    public byte[] body() {
        return Aml.encode(terms);
    }
}
