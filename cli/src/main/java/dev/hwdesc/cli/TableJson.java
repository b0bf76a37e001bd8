package dev.hwdesc.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hwdesc.acpi.table.Field;
import dev.hwdesc.acpi.table.FieldKind;
import dev.hwdesc.acpi.table.Structure;
import dev.hwdesc.acpi.table.TableCodec;
import dev.hwdesc.acpi.table.TableDumper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A table as JSON, following {@link TableDumper#walk}: each structure is {@code {"name", "offset",
 * "fields": {NAME: VALUE}, "subtables": [...], "raw": {"offset", "length"[, "hex"]}}}. Numbers are
 * JSON numbers (unsigned), ASCII fields strings, byte fields hex strings; a reserved field appears
 * only when it is not 0.
 */
final class TableJson implements TableDumper.Visitor {

    private final JsonGenerator g;
    private final TableDumper.Tail tailMode;
    private boolean inFields;

    TableJson(JsonGenerator g, TableDumper.Tail tailMode) {
        this.g = g;
        this.tailMode = tailMode;
    }

    @Override
    public void begin(Structure s, int offset) {
        try {
            closeFields();
            g.writeStartObject();
            g.writeStringField("name", s.layout().name());
            g.writeNumberField("offset", offset);
            g.writeObjectFieldStart("fields");
            inFields = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the open "fields" object of the current structure and opens its "subtables". */
    private void closeFields() throws IOException {
        if (inFields) {
            g.writeEndObject();
            g.writeArrayFieldStart("subtables");
            inFields = false;
        }
    }

    @Override
    public void field(Field f, byte[] bytes, int o) {
        try {
            if (f.kind() == FieldKind.RESERVED) {
                boolean zero = true;
                for (int i = 0; i < f.width(); i++) {
                    zero &= bytes[o + i] == 0;
                }
                if (zero) {
                    return;
                }
            }
            g.writeFieldName(f.name());
            if (f.numeric()) {
                g.writeNumber(Long.toUnsignedString(TableCodec.number(bytes, o, f.width())));
            } else if (f.kind() == FieldKind.ASCII) {
                g.writeString(new String(bytes, o, f.width(), StandardCharsets.ISO_8859_1));
            } else {
                g.writeString(TableDumper.hex(bytes, o, f.width(), ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void tail(byte[] bytes, int offset, int length) {
        try {
            closeFields();
            g.writeEndArray();
            g.writeObjectFieldStart("raw");
            g.writeNumberField("offset", offset);
            g.writeNumberField("length", length);
            if (tailMode == TableDumper.Tail.HEX) {
                g.writeStringField("hex", TableDumper.hex(bytes, offset, length, ""));
            }
            g.writeEndObject();
            tailWritten = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean tailWritten;

    @Override
    public void end(Structure s) {
        try {
            if (!tailWritten) {
                closeFields();
                g.writeEndArray();
            }
            tailWritten = false;
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
