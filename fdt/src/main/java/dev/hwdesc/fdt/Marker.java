package dev.hwdesc.fdt;

/**
 * A note attached to a byte offset of a property value, recording how the value was written:
 * the start of a typed chunk, a reference to be resolved, or a label inside the value. Values read
 * from a DTB carry no markers. The kinds are those of dtc's {@code struct marker}.
 */
public sealed interface Marker permits Marker.Chunk, Marker.Untyped, Marker.PhandleRef, Marker.PathRef, Marker.ValueLabel {

    /** Byte offset in the value this marker refers to. */
    int offset();

    /** A chunk of the given syntax starts here and runs to the next chunk (or the end). */
    record Chunk(int offset, ValueType type) implements Marker {
    }

    /**
     * Bytes with no syntax type start here: dtc's TYPE_NONE marker, which /incbin/ leaves where its
     * data begins. It ends the chunk before it for printing, without starting a typed one.
     */
    record Untyped(int offset) implements Marker {
    }

    /** {@code <&label>} or {@code <&{/path}>}: a 32-bit cell at the offset holds the target's phandle. */
    record PhandleRef(int offset, String target) implements Marker {
    }

    /** {@code = &label}: the target's full path (and a NUL) is spliced in at the offset. */
    record PathRef(int offset, String target) implements Marker {
    }

    /** {@code name:} written inside a value. */
    record ValueLabel(int offset, String name) implements Marker {
    }
}
