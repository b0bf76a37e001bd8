package dev.hwdesc.vectors.boot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a guest printed on its serial console, as lines without {@code \r}. /init's lines start with
 * {@link #MARKER}; a blob it dumps sits between {@code @@BOOT BEGIN NAME BYTES SHA256} and
 * {@code @@BOOT END NAME} as base64 lines, and is checked against both numbers when decoded.
 */
final class Console {

    static final String MARKER = "@@BOOT ";
    private static final Pattern BASE64_LINE = Pattern.compile("[A-Za-z0-9+/=]+");

    private final List<String> lines;

    Console(byte[] raw) {
        this.lines = new String(raw, StandardCharsets.ISO_8859_1).replace("\r", "").lines().toList();
    }

    List<String> lines() {
        return lines;
    }

    /** The first line containing {@code text}. */
    Optional<String> lineContaining(String text) {
        return lines.stream().filter(l -> l.contains(text)).findFirst();
    }

    /** The first line matching {@code regex} anywhere in it. */
    Optional<String> lineMatching(Pattern regex) {
        return lines.stream().filter(l -> regex.matcher(l).find()).findFirst();
    }

    /** The rest of /init's line {@code @@BOOT key ...}, without the key. */
    Optional<String> fact(String key) {
        String prefix = MARKER + key;
        return lines.stream().filter(l -> l.equals(prefix) || l.startsWith(prefix + " "))
                .map(l -> l.substring(prefix.length()).strip()).findFirst();
    }

    /** The last {@code n} lines, for failure messages. */
    String tail(int n) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    /** Decodes the blob /init dumped as {@code name}; fails unless its size and sha256 match the BEGIN line. */
    byte[] blob(String name) {
        String begin = MARKER + "BEGIN " + name + " ";
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            if (lines.get(i).startsWith(begin)) {
                start = i;
            }
        }
        if (start < 0) {
            throw new AssertionError("no '" + begin.strip() + "' line on the console; its end:\n" + tail(30));
        }
        String[] head = lines.get(start).substring(begin.length()).strip().split(" ");
        long size = Long.parseLong(head[0]);
        String sha256 = head[1];
        StringBuilder base64 = new StringBuilder();
        for (int i = start + 1; ; i++) {
            if (i == lines.size()) {
                throw new AssertionError("no '" + MARKER + "END " + name + "' line after the BEGIN line");
            }
            String l = lines.get(i);
            if (l.equals(MARKER + "END " + name)) {
                break;
            }
            if (!BASE64_LINE.matcher(l).matches()) {
                throw new AssertionError("a line that is not base64 inside the dump of " + name + ": " + l);
            }
            base64.append(l);
        }
        byte[] blob = Base64.getDecoder().decode(base64.toString());
        if (blob.length != size || !sha256(blob).equals(sha256)) {
            throw new AssertionError("the dump of " + name + " decodes to " + blob.length + " bytes, sha256 "
                    + sha256(blob) + "; /init said " + size + " bytes, sha256 " + sha256);
        }
        return blob;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
