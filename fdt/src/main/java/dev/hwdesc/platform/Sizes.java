package dev.hwdesc.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * Memory sizes and addresses as configs write them: a number of bytes, or a number with a binary
 * unit in QEMU's spelling (512M, 1G, 1.5G) or IEC's (512MiB, 2GiB); "B" and "KiB".."TiB" too. All
 * units are powers of 1024, as in QEMU's -m. Addresses are decimal or 0x-hex.
 */
public final class Sizes {

    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Sizes() {
    }

    /** The size in bytes, if {@code text} is one that fits in 64 bits unsigned (and is whole bytes). */
    public static Optional<Long> parse(String text) {
        String t = text.strip();
        int end = 0;
        while (end < t.length() && (Character.isDigit(t.charAt(end)) || t.charAt(end) == '.')) {
            end++;
        }
        if (end == 0) {
            return Optional.empty();
        }
        int shift;
        switch (t.substring(end).strip().toUpperCase(Locale.ROOT)) {
            case "", "B" -> shift = 0;
            case "K", "KB", "KIB" -> shift = 10;
            case "M", "MB", "MIB" -> shift = 20;
            case "G", "GB", "GIB" -> shift = 30;
            case "T", "TB", "TIB" -> shift = 40;
            default -> {
                return Optional.empty();
            }
        }
        try {
            BigDecimal bytes = new BigDecimal(t.substring(0, end)).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(shift)));
            BigInteger whole = bytes.toBigIntegerExact();
            return whole.compareTo(MAX) > 0 ? Optional.empty() : Optional.of(whole.longValue());
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An address: decimal, or hexadecimal with 0x; at most 64 bits. */
    public static Optional<Long> parseAddress(String text) {
        String t = text.strip().replace("_", "");
        try {
            BigInteger n = t.startsWith("0x") || t.startsWith("0X") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
            return n.signum() < 0 || n.compareTo(MAX) > 0 ? Optional.empty() : Optional.of(n.longValue());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "2 GiB", "512 MiB", "24 KiB" or "100 bytes": the largest unit that divides the size. */
    public static String describe(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        long v = bytes;
        while (u < units.length - 1 && v != 0 && (v & 1023) == 0) {
            v >>>= 10;
            u++;
        }
        return Long.toUnsignedString(v) + " " + units[u];
    }
}
