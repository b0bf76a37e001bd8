package dev.hwdesc.vectors.dts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random DTS sources that use the whole language: labels (on nodes, properties and inside
 * values), phandle and path references, merges (repeated "/ { }" and "&label { }" blocks), deletes
 * (/delete-node/, /delete-property/), /bits/, character literals, integer expressions,
 * /omit-if-no-ref/, and overlays (/plugin/ with unresolved and local references). Each source
 * records which features it used, so a test can show that each appears often enough.
 */
final class RandomDts {

    enum Feature { LABELS, REFERENCES, MERGES, DELETES, BITS, CHAR_LITERALS, EXPRESSIONS, PATH_REFERENCES, OVERLAYS, OMIT_IF_NO_REF }

    /** A source and what it uses. */
    record Source(long seed, String text, Set<Feature> features) {
        @Override
        public String toString() {
            return "seed " + seed + " " + features + ":\n" + text;
        }
    }

    private final Random r;
    private final StringBuilder out = new StringBuilder();
    private final Set<Feature> used = EnumSet.noneOf(Feature.class);
    private final List<String> nodeLabels = new ArrayList<>();
    private final Map<String, String> pathOfLabel = new LinkedHashMap<>();
    private final List<String> paths = new ArrayList<>();
    private int labelCounter;
    private boolean plugin;

    private RandomDts(long seed) {
        this.r = new Random(seed);
    }

    static Source generate(long seed) {
        RandomDts g = new RandomDts(seed);
        String text = g.source();
        return new Source(seed, text, g.used);
    }

    private String source() {
        plugin = r.nextInt(6) == 0;
        out.append("/dts-v1/;\n");
        if (plugin) {
            out.append("/plugin/;\n");
            used.add(Feature.OVERLAYS);
        }
        if (r.nextInt(4) == 0) {
            String l = r.nextBoolean() ? newLabel() + ": " : "";
            out.append(l).append("/memreserve/ ").append(number()).append(' ').append(number()).append(";\n");
        }
        if (plugin) {
            // fragments by reference: some resolve to nothing (fixups), all go into fragment@N
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                if (r.nextBoolean()) {
                    out.append("&ext").append(r.nextInt(5)).append(" ");
                } else {
                    out.append("&{/soc/bus@").append(Integer.toHexString(r.nextInt(4))).append("} ");
                }
                body(1, "/fragment", 2);
                out.append(";\n");
            }
            // a root block too, so local references have targets
            out.append("/ ");
            body(0, "", 2);
            out.append(";\n");
            return out.toString();
        }
        out.append("/ ");
        body(0, "", 3);
        out.append(";\n");
        int merges = r.nextInt(4);
        for (int i = 0; i < merges; i++) {
            merge();
        }
        if (r.nextInt(6) == 0 && !nodeLabels.isEmpty()) {
            String l = pick(nodeLabels);
            out.append("/delete-node/ &").append(l).append(";\n");
            used.add(Feature.DELETES);
            dropLabel(l);
        }
        if (r.nextInt(8) == 0 && !nodeLabels.isEmpty()) {
            out.append("/omit-if-no-ref/ &").append(pick(nodeLabels)).append(";\n");
            used.add(Feature.OMIT_IF_NO_REF);
        }
        return out.toString();
    }

    private void merge() {
        used.add(Feature.MERGES);
        int kind = r.nextInt(3);
        if (kind == 0 || nodeLabels.isEmpty()) {
            out.append("/ {\n");
            mergeBody(1);
            out.append("};\n");
        } else if (kind == 1) {
            out.append('&').append(pick(nodeLabels)).append(" {\n");
            mergeBody(1);
            out.append("};\n");
        } else {
            String target = pick(nodeLabels);
            String extra = newLabel();
            pathOfLabel.put(extra, pathOfLabel.get(target));
            nodeLabels.add(extra);
            out.append(extra).append(": &").append(target).append(" {\n");
            mergeBody(1);
            out.append("};\n");
        }
    }

    /** Inside a merge block: new and overriding properties, a deletion, maybe a new child. */
    private void mergeBody(int depth) {
        Set<String> names = new java.util.HashSet<>();
        if (r.nextInt(3) == 0) {
            indent(depth);
            String deleted = propertyName();
            names.add(deleted);
            out.append("/delete-property/ ").append(deleted).append(";\n");
            used.add(Feature.DELETES);
        }
        int props = r.nextInt(3);
        for (int i = 0; i < props; i++) {
            property(depth, names);
        }
        if (r.nextInt(4) == 0) {
            indent(depth);
            out.append("/delete-node/ n").append(r.nextInt(3)).append(";\n");
            used.add(Feature.DELETES);
        }
        if (r.nextInt(3) == 0) {
            indent(depth);
            out.append("m").append(r.nextInt(3)).append(' ');
            body(depth, "/merged", 1);
            out.append(";\n");
        }
    }

    /** A node body "{ props; children }" at {@code depth}; {@code path} is the node's path. */
    private void body(int depth, String path, int levels) {
        out.append("{\n");
        int props = r.nextInt(5);
        Set<String> propertyNames = new java.util.HashSet<>();
        for (int i = 0; i < props; i++) {
            property(depth + 1, propertyNames);
        }
        if (levels > 0) {
            int kids = r.nextInt(4);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < kids; i++) {
                String name = "n" + i + (r.nextInt(3) == 0 ? "@" + Integer.toHexString(r.nextInt(256)) : "");
                names.add(name);
                String childPath = path + "/" + name;
                indent(depth + 1);
                if (r.nextInt(12) == 0) {
                    out.append("/omit-if-no-ref/ ");
                    used.add(Feature.OMIT_IF_NO_REF);
                }
                if (r.nextInt(2) == 0) {
                    String l = newLabel();
                    out.append(l).append(": ");
                    nodeLabels.add(l);
                    pathOfLabel.put(l, childPath);
                    used.add(Feature.LABELS);
                }
                paths.add(childPath);
                out.append(name).append(' ');
                body(depth + 1, childPath, levels - 1);
                out.append(";\n");
            }
        }
        indent(depth);
        out.append("}");
    }

    /** A property whose name is new in its block (a name twice in one block is an error in dtc). */
    private void property(int depth, Set<String> namesInBlock) {
        String name = propertyName();
        for (int tries = 0; namesInBlock.contains(name) && tries < 20; tries++) {
            name = propertyName();
        }
        if (!namesInBlock.add(name)) {
            return;
        }
        indent(depth);
        if (r.nextInt(6) == 0) {
            out.append(newLabel()).append(": ");
            used.add(Feature.LABELS);
        }
        if (r.nextInt(6) == 0) {
            out.append(name).append(";\n");
            return;
        }
        out.append(name).append(" = ");
        int chunks = 1 + r.nextInt(3);
        for (int i = 0; i < chunks; i++) {
            if (i > 0) {
                out.append(", ");
            }
            if (r.nextInt(8) == 0) {
                out.append(newLabel()).append(": ");
                used.add(Feature.LABELS);
            }
            chunk();
        }
        if (r.nextInt(10) == 0) {
            out.append(' ').append(newLabel()).append(':');
            used.add(Feature.LABELS);
        }
        out.append(";\n");
    }

    private void chunk() {
        switch (r.nextInt(5)) {
            case 0 -> out.append('"').append(stringBody()).append('"');
            case 1 -> {
                out.append('[');
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    out.append(String.format(i == 0 ? "%02x" : " %02x", r.nextInt(256)));
                }
                out.append(']');
            }
            case 2 -> pathReference();
            default -> cells();
        }
    }

    private void pathReference() {
        if (!plugin && !pathOfLabel.isEmpty() && r.nextBoolean()) {
            out.append('&').append(pick(new ArrayList<>(pathOfLabel.keySet())));
            used.add(Feature.PATH_REFERENCES);
            used.add(Feature.REFERENCES);
        } else if (!plugin && !paths.isEmpty()) {
            out.append("&{").append(pick(paths)).append('}');
            used.add(Feature.PATH_REFERENCES);
            used.add(Feature.REFERENCES);
        } else {
            out.append("\"p\"");
        }
    }

    private void cells() {
        int bits = 32;
        if (r.nextInt(4) == 0) {
            bits = new int[] {8, 16, 32, 64}[r.nextInt(4)];
            out.append("/bits/ ").append(bits).append(' ');
            used.add(Feature.BITS);
        }
        out.append('<');
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(' ');
            }
            int kind = r.nextInt(6);
            if (kind == 0 && bits == 32 && (plugin || !nodeLabels.isEmpty())) {
                String target = plugin && r.nextBoolean() ? "ext" + r.nextInt(5) : nodeLabels.isEmpty() ? "ext0" : pick(nodeLabels);
                out.append('&').append(target);
                used.add(Feature.REFERENCES);
            } else if (kind == 1) {
                out.append(charLiteral());
                used.add(Feature.CHAR_LITERALS);
            } else if (kind == 2) {
                long mask = bits == 64 ? -1L : (1L << bits) - 1;
                out.append("((").append(expression(3)).append(") & 0x").append(Long.toHexString(mask)).append(')');
                used.add(Feature.EXPRESSIONS);
            } else if (kind == 3 && r.nextInt(4) == 0) {
                out.append(newLabel()).append(": ");
                used.add(Feature.LABELS);
                out.append(r.nextInt(100));
            } else {
                long v = r.nextLong();
                if (bits < 64) {
                    v &= (1L << bits) - 1;
                }
                out.append(r.nextBoolean() ? "0x" + Long.toHexString(v) : Long.toUnsignedString(v));
            }
        }
        out.append('>');
    }

    private String expression(int depth) {
        if (depth == 0 || r.nextInt(3) == 0) {
            return switch (r.nextInt(3)) {
                case 0 -> Long.toString(r.nextInt(1000));
                case 1 -> "0x" + Long.toHexString(r.nextLong() >>> r.nextInt(64));
                default -> charLiteral();
            };
        }
        String a = "(" + expression(depth - 1) + ")";
        String b = "(" + expression(depth - 1) + ")";
        return switch (r.nextInt(20)) {
            case 0 -> a + " + " + b;
            case 1 -> a + " - " + b;
            case 2 -> a + " * " + b;
            case 3 -> a + " / (" + b + " | 1)";
            case 4 -> a + " % (" + b + " | 1)";
            case 5 -> a + " << (" + b + " & 63)";
            case 6 -> a + " >> " + b;
            case 7 -> a + " & " + b;
            case 8 -> a + " | " + b;
            case 9 -> a + " ^ " + b;
            case 10 -> a + " && " + b;
            case 11 -> a + " || " + b;
            case 12 -> a + " < " + b;
            case 13 -> a + " >= " + b;
            case 14 -> a + " == " + b;
            case 15 -> a + " != " + b;
            case 16 -> "-" + a;
            case 17 -> "~" + a;
            case 18 -> "!" + a;
            default -> a + " ? " + b + " : (" + expression(depth - 1) + ")";
        };
    }

    private String charLiteral() {
        return switch (r.nextInt(4)) {
            case 0 -> "'" + (char) ('a' + r.nextInt(26)) + "'";
            case 1 -> "'\\n'";
            case 2 -> "'\\x" + Integer.toHexString(0x20 + r.nextInt(0x5f)) + "'";
            default -> "'\\" + r.nextInt(8) + "'";
        };
    }

    private String stringBody() {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        String[] pieces = {"a", "Z", "9", " ", "-", "\\n", "\\t", "\\\\", "\\\"", "\\x41", "\\101", "\\q", "_"};
        for (int i = 0; i < n; i++) {
            sb.append(pieces[r.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    private String propertyName() {
        String[] names = {"compatible", "reg", "status", "model", "p0", "p1", "p2", "value", "#x-cells", "data"};
        return names[r.nextInt(names.length)];
    }

    private String number() {
        return "0x" + Long.toHexString(r.nextLong() >>> 8);
    }

    private String newLabel() {
        return "L" + (labelCounter++);
    }

    private void dropLabel(String label) {
        nodeLabels.remove(label);
        pathOfLabel.remove(label);
    }

    private String pick(List<String> list) {
        return list.get(r.nextInt(list.size()));
    }

    private void indent(int depth) {
        out.append("\t".repeat(Math.max(0, depth)));
    }
}
