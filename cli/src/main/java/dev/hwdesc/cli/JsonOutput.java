package dev.hwdesc.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The commands' JSON: pretty-printed by Jackson's generator, ending in a newline. */
final class JsonOutput {

    private JsonOutput() {
    }

    /** What writes one JSON document. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] of(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** A field holding a 64-bit value as an unsigned JSON number (an address). */
    static void unsignedField(JsonGenerator g, String name, long value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(Long.toUnsignedString(value));
    }
}
