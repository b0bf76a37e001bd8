package dev.hwdesc.platform;

import java.util.Arrays;
import java.util.HexFormat;

/** Bytes of randomness for the guest's entropy pool (/chosen/rng-seed). */
public record RngSeed(byte[] bytes) {

    public RngSeed {
        bytes = bytes.clone();
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an rng-seed has at least one byte");
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RngSeed s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RngSeed[" + HexFormat.of().formatHex(bytes) + "]";
    }
}
