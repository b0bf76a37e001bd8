package dev.hwdesc.vectors.boot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

/**
 * A line a boot's console must (or must not) have: a kernel log line ({@code [  0.123456] text})
 * or one of /init's {@code @@BOOT} lines. The boot tests list what they expect with these.
 */
record ConsoleLine(String what, Pattern line, boolean present) {

    /** A kernel log line's timestamp. */
    static final String TIME = "\\[ *[0-9]+\\.[0-9]{6}\\] ";

    /** A kernel log line that is exactly {@code text}. */
    static ConsoleLine kernel(String what, String text) {
        return kernelMatching(what, Pattern.quote(text));
    }

    /** A kernel log line that matches {@code regex} whole. */
    static ConsoleLine kernelMatching(String what, String regex) {
        return new ConsoleLine(what, Pattern.compile("^" + TIME + regex + "$"), true);
    }

    /** A line of /init's: {@code @@BOOT text}. */
    static ConsoleLine init(String what, String text) {
        return new ConsoleLine(what, Pattern.compile("^" + Pattern.quote(Console.MARKER + text) + "$"), true);
    }

    /** Any line that matches {@code regex} must be present (or, with present false, none may). */
    static ConsoleLine anywhere(String what, String regex, boolean present) {
        return new ConsoleLine(what, Pattern.compile(regex), present);
    }

    /** Checks the console of the boot called {@code boot}; prints the line found. */
    void check(String boot, Console console) {
        var found = console.lineMatching(line);
        if (present) {
            assertTrue(found.isPresent(), what + ": no line matches " + line + "; the console ends:\n" + console.tail(15));
            System.out.println(boot + ": " + what + ": " + found.get());
        } else {
            assertTrue(found.isEmpty(), what + ": unexpected line " + found.orElse(""));
        }
    }
}
