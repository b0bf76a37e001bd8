package dev.hwdesc.vectors.check;

import dev.hwdesc.fdt.PhandleFormat;
import dev.hwdesc.fdt.check.CheckSelection;
import dev.hwdesc.fdt.check.Checker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The check-related dtc flags of one test case ({@code -W}, {@code -E}, {@code -q}, {@code -H},
 * {@code -@}), as dtc arguments and as the hwdesc selection and settings they stand for.
 */
record DtcInvocation(List<String> flags) {

    /** Reads the flags from a first line of the form {@code // flags: -W foo -E no-bar}; none otherwise. */
    static DtcInvocation fromFirstLine(String source) {
        String first = source.lines().findFirst().orElse("").strip();
        String marker = "// flags:";
        if (!first.startsWith(marker)) {
            return new DtcInvocation(List.of());
        }
        String rest = first.substring(marker.length()).strip();
        return new DtcInvocation(rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+")));
    }

    CheckSelection selection() {
        CheckSelection s = CheckSelection.defaults();
        for (int i = 0; i < flags.size(); i++) {
            String f = flags.get(i);
            if (f.equals("-W")) {
                s.apply(true, false, flags.get(++i));
            } else if (f.equals("-E")) {
                s.apply(false, true, flags.get(++i));
            } else if (f.equals("-H")) {
                i++;
            }
        }
        return s;
    }

    Checker.Settings settings(String outputName) {
        int quiet = 0;
        PhandleFormat format = PhandleFormat.EPAPR;
        boolean symbols = false;
        for (int i = 0; i < flags.size(); i++) {
            String f = flags.get(i);
            if (f.matches("-q+")) {
                quiet += f.length() - 1;
            } else if (f.equals("-@")) {
                symbols = true;
            } else if (f.equals("-H")) {
                format = switch (flags.get(++i)) {
                    case "legacy" -> PhandleFormat.LEGACY;
                    case "both" -> PhandleFormat.BOTH;
                    default -> PhandleFormat.EPAPR;
                };
            }
        }
        return new Checker.Settings(outputName, quiet, format, symbols);
    }

    /** {@code dtc FLAGS -I dtb -O dtb -o OUT IN}. */
    List<String> dtbToDtb(String dtc, String in, String out) {
        List<String> cmd = new ArrayList<>();
        cmd.add(dtc);
        cmd.addAll(flags);
        cmd.addAll(List.of("-I", "dtb", "-O", "dtb", "-o", out, in));
        return cmd;
    }
}
