package dev.hwdesc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** How dtc picks formats it was not told: input by directory, DTB magic, then extension; output by extension. */
final class FormatGuess {

    private static final Map<String, String> BY_EXTENSION = Map.of(
            ".dts", "dts", ".dtsi", "dts", ".dtb", "dtb", ".dtbo", "dtb", ".yaml", "yaml");

    private FormatGuess() {
    }

    /** dtc's guess_type_by_name: the part from the last '.', looked up; empty if unknown. */
    static Optional<String> byName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(name.substring(dot)));
    }

    /** dtc's guess_input_format: "fs" for a directory, "dtb" for a file starting with the magic, else by name. */
    static String inputFormat(String arg, String fallback) {
        Path p = Path.of(arg);
        if (arg.equals("-") || !Files.exists(p)) {
            return fallback;
        }
        if (Files.isDirectory(p)) {
            return "fs";
        }
        if (!Files.isRegularFile(p)) {
            return fallback;
        }
        try (InputStream in = Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4) {
                return fallback;
            }
            if ((magic[0] & 0xff) == 0xd0 && (magic[1] & 0xff) == 0x0d
                    && (magic[2] & 0xff) == 0xfe && (magic[3] & 0xff) == 0xed) {
                return "dtb";
            }
        } catch (IOException e) {
            return fallback;
        }
        return byName(arg).orElse(fallback);
    }
}
