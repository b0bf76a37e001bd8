package dev.hwdesc.acpi.aml;

/** Byte sequences written as hex text for the tests ("5B 82 1A", quoted ASCII as "'C000'"). */
public final class Hex {

    private Hex() {
    }

    /** Hex byte pairs separated by spaces; a token in single quotes stands for its ASCII bytes. */
    public static byte[] bytes(String text) {
        AmlOutput out = new AmlOutput();
        for (String t : text.trim().split("\\s+")) {
            if (t.startsWith("'") && t.endsWith("'") && t.length() >= 2) {
                for (char c : t.substring(1, t.length() - 1).toCharArray()) {
                    out.u8(c);
                }
            } else {
                if (t.length() % 2 != 0) {
                    throw new IllegalArgumentException("odd hex token " + t);
                }
                for (int i = 0; i < t.length(); i += 2) {
                    out.u8(Integer.parseInt(t.substring(i, i + 2), 16));
                }
            }
        }
        return out.toByteArray();
    }

    public static String of(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02X ", x & 0xFF));
        }
        return s.toString().trim();
    }
}
