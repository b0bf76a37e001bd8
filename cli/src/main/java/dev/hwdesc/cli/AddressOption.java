package dev.hwdesc.cli;

/** A guest-physical address given as an option value: decimal or 0x hex, unsigned 64-bit. */
final class AddressOption {

    private AddressOption() {
    }

    /** Parses {@code text}; a bad value is a usage error naming {@code flag}. */
    static long parse(String flag, String text) throws CommandException {
        String t = text.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseUnsignedLong(t, 10);
        } catch (NumberFormatException e) {
            throw CommandException.usage(flag + ": \"" + text + "\" is not an address (decimal or 0x hex)");
        }
    }
}
