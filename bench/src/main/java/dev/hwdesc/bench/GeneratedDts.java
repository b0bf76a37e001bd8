package dev.hwdesc.bench;

/**
 * The large DTS inputs the scale targets name, written as ../shared/scripts/gen_dts.py writes them:
 * {@code refs N} (N nodes, each referencing another), {@code flat N} (N siblings) and {@code tree N}
 * (groups of 100 devices). Kept byte-identical to that script's output (checked in GeneratedDtsTest against the sha256 of the script's output).
 */
public final class GeneratedDts {

    private GeneratedDts() {
    }

    public static String text(String kind, int n) {
        StringBuilder w = new StringBuilder(n * 100);
        w.append("/dts-v1/;\n/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n");
        if (kind.equals("refs") || kind.equals("flat")) {
            for (int i = 0; i < n; i++) {
                String hex = Integer.toHexString(i);
                w.append("\tn").append(i).append(": node@").append(hex).append(" {\n\t\treg = <0x").append(hex)
                        .append(" 0x10>;\n\t\tcompatible = \"vendor,dev").append(i % 50).append("\", \"generic\";\n");
                if (kind.equals("refs")) {
                    w.append("\t\tpeer = <&n").append((int) ((i * 7919L) % n)).append(' ').append(i).append(">;\n");
                }
                w.append("\t\tdata = [").append(String.format("%02x", i % 256)).append(" 00 ff];\n\t};\n");
            }
        } else {
            for (int g = 0; g < n / 100; g++) {
                String gh = Integer.toHexString(g);
                w.append("\tg").append(g).append(": group@").append(gh).append(" {\n\t\treg = <0x").append(gh)
                        .append(" 1>;\n\t\t#address-cells = <1>;\n\t\t#size-cells = <1>;\n");
                for (int i = 0; i < 100; i++) {
                    String ih = Integer.toHexString(i);
                    w.append("\t\tdev@").append(ih).append(" { reg = <0x").append(ih)
                            .append(" 0x10>; compatible = \"vendor,dev").append(i % 50).append("\", \"generic\"; data = [")
                            .append(String.format("%02x", i % 256)).append(" 00 ff]; };\n");
                }
                w.append("\t};\n");
            }
        }
        w.append("};\n");
        return w.toString();
    }
}
