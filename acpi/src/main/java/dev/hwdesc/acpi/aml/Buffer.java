package dev.hwdesc.acpi.aml;

import java.util.Arrays;

/**
 * DefBuffer (ACPI 6.4 section 20.2.5.4): 0x11 PkgLength BufferSize ByteList, the size being the
 * shortest integer for the number of bytes.
 */
public record Buffer(byte[] data) implements Aml {

    static final int BUFFER_OP = 0x11;

    public Buffer {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public void writeTo(AmlOutput out) {
        out.u8(BUFFER_OP);
        int frame = out.beginFrame();
        AmlInteger.of(data.length).writeTo(out);
        out.bytes(data);
        out.endFrame(frame);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Buffer b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Buffer" + Arrays.toString(data);
    }
}
