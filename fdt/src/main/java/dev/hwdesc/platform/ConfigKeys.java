package dev.hwdesc.platform;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every key a machine config may set, its type and how it lands in a {@link MachineConfig.Builder}:
 * one table for config files and for --set. A value is a scalar as the config's parser gave it (a
 * string, or the text of a number or boolean, with {@link Kind} saying which).
 */
public final class ConfigKeys {

    /** What kind of scalar the parser saw. */
    public enum Kind {
        STRING, INTEGER, FLOAT, BOOLEAN, NULL
    }

    /** A scalar value with the kind its syntax gives it. */
    public record Scalar(String text, Kind kind) {
    }

    @FunctionalInterface
    private interface Setter {
        /** Sets the value, or returns why it cannot be set. */
        Optional<String> set(MachineConfig.Builder b, Scalar v, Partial partial);
    }

    /** Keys that combine into one setting (topology counts, the initrd) collect here first. */
    static final class Partial {
        Optional<Integer> sockets = Optional.empty();
        Optional<Integer> clusters = Optional.empty();
        Optional<Integer> cores = Optional.empty();
        Optional<Integer> threads = Optional.empty();
        boolean topology;
        Optional<Long> initrdStart = Optional.empty();
        Optional<Long> initrdSize = Optional.empty();
        Optional<Integer> hotplugSlots = Optional.empty();
        Optional<Long> hotplugMax = Optional.empty();
    }

    private static final Map<String, Setter> KEYS = new LinkedHashMap<>();
    /** Keys that are mappings of other keys. */
    static final List<String> SECTIONS = List.of("topology", "gic", "psci", "initrd", "numa", "memory-hotplug");
    /** Keys whose values are lists, read by {@link ConfigReader} itself. */
    static final List<String> LISTS = List.of("numa.nodes", "numa.distances");

    static {
        KEYS.put("profile", (b, v, p) -> string(v).map(s -> { b.profile(s); return Optional.<String>empty(); }).orElse(expected("a profile name")));
        KEYS.put("arch", (b, v, p) -> {
            for (Architecture a : Architecture.values()) {
                if (a.configName().equals(v.text()) && v.kind() == Kind.STRING) {
                    b.architecture(a);
                    return Optional.empty();
                }
            }
            return Optional.of("must be aarch64 or aarch32, not " + show(v));
        });
        KEYS.put("cpus", (b, v, p) -> integer(v, 1, 4096).map(n -> { b.cpus(n); return Optional.<String>empty(); }).orElse(range(v, 1, 4096)));
        for (String part : List.of("sockets", "clusters", "cores", "threads")) {
            KEYS.put("topology." + part, (b, v, p) -> integer(v, 1, 4096).map(n -> {
                p.topology = true;
                switch (part) {
                    case "sockets" -> p.sockets = Optional.of(n);
                    case "clusters" -> p.clusters = Optional.of(n);
                    case "cores" -> p.cores = Optional.of(n);
                    default -> p.threads = Optional.of(n);
                }
                return Optional.<String>empty();
            }).orElse(range(v, 1, 4096)));
        }
        KEYS.put("cpu", (b, v, p) -> string(v).map(s -> { b.cpu(s); return Optional.<String>empty(); }).orElse(expected("a CPU model name such as cortex-a57")));
        KEYS.put("pmu", (b, v, p) -> bool(v).map(x -> { b.pmu(x); return Optional.<String>empty(); }).orElse(expected("true or false")));
        KEYS.put("memory", (b, v, p) -> {
            Optional<Long> size = Sizes.parse(v.text());
            if (v.kind() == Kind.BOOLEAN || v.kind() == Kind.NULL || size.isEmpty()) {
                return Optional.of("must be a size such as 2GiB, 512M or a number of bytes, not " + show(v));
            }
            b.memory(size.get());
            return Optional.empty();
        });
        KEYS.put("gic", (b, v, p) -> integer(v, 0, Integer.MAX_VALUE).map(n -> { b.gicVersion(n); return Optional.<String>empty(); })
                .orElse(Optional.of("must be a GIC version (2, 3 or 4) or a mapping with version and its, not " + show(v))));
        KEYS.put("gic.version", (b, v, p) -> integer(v, 0, Integer.MAX_VALUE).map(n -> { b.gicVersion(n); return Optional.<String>empty(); }).orElse(expected("2, 3 or 4")));
        KEYS.put("gic.its", (b, v, p) -> bool(v).map(x -> { b.its(x); return Optional.<String>empty(); }).orElse(expected("true or false")));
        KEYS.put("virtio-mmio", (b, v, p) -> integer(v, 0, Integer.MAX_VALUE).map(n -> { b.virtioMmio(n); return Optional.<String>empty(); }).orElse(expected("a number of virtio-mmio transports")));
        KEYS.put("pcie", (b, v, p) -> bool(v).map(x -> { b.pcie(x); return Optional.<String>empty(); }).orElse(expected("true or false")));
        KEYS.put("highmem", (b, v, p) -> bool(v).map(x -> { b.highmem(x); return Optional.<String>empty(); }).orElse(expected("true or false")));
        KEYS.put("iommu", (b, v, p) -> {
            switch (v.kind() == Kind.STRING ? v.text() : "") {
                case "none" -> b.iommu(MachineConfig.Iommu.NONE);
                case "smmuv3" -> b.iommu(MachineConfig.Iommu.SMMUV3);
                default -> {
                    return Optional.of("must be none or smmuv3, not " + show(v));
                }
            }
            return Optional.empty();
        });
        KEYS.put("psci.method", (b, v, p) -> {
            for (MachineConfig.PsciMethod m : MachineConfig.PsciMethod.values()) {
                if (v.kind() == Kind.STRING && m.name().toLowerCase(Locale.ROOT).equals(v.text())) {
                    b.psciMethod(m);
                    return Optional.empty();
                }
            }
            return Optional.of("must be hvc, smc or none, not " + show(v));
        });
        KEYS.put("secure", (b, v, p) -> bool(v).map(x -> { b.secure(x); return Optional.<String>empty(); }).orElse(expected("true or false")));
        KEYS.put("virtualization", (b, v, p) -> bool(v).map(x -> { b.virtualization(x); return Optional.<String>empty(); }).orElse(expected("true or false")));
        KEYS.put("bootargs", (b, v, p) -> v.kind() == Kind.NULL || v.kind() == Kind.BOOLEAN
                ? Optional.of("must be a string, not " + show(v))
                : set(() -> b.bootargs(v.text())));
        KEYS.put("initrd.start", (b, v, p) -> address(v).map(a -> { p.initrdStart = Optional.of(a); return Optional.<String>empty(); })
                .orElse(expected("an address such as 0x48000000")));
        KEYS.put("memory-hotplug.slots", (b, v, p) -> integer(v, 1, 256).map(n -> { p.hotplugSlots = Optional.of(n); return Optional.<String>empty(); })
                .orElse(range(v, 1, 256)));
        KEYS.put("memory-hotplug.max", (b, v, p) -> {
            Optional<Long> size = v.kind() == Kind.BOOLEAN || v.kind() == Kind.NULL ? Optional.empty() : Sizes.parse(v.text());
            if (size.isEmpty()) {
                return Optional.of("must be a size such as 8GiB, not " + show(v));
            }
            p.hotplugMax = size;
            return Optional.empty();
        });
        KEYS.put("initrd.size", (b, v, p) -> {
            Optional<Long> size = v.kind() == Kind.BOOLEAN || v.kind() == Kind.NULL ? Optional.empty() : Sizes.parse(v.text());
            if (size.isEmpty()) {
                return Optional.of("must be a size such as 16MiB or a number of bytes, not " + show(v));
            }
            p.initrdSize = size;
            return Optional.empty();
        });
    }

    private ConfigKeys() {
    }

    /** Whether {@code key} is a key or a section of keys. */
    static boolean known(String key) {
        return KEYS.containsKey(key) || SECTIONS.contains(key) || LISTS.contains(key);
    }

    static boolean isList(String key) {
        return LISTS.contains(key);
    }

    static boolean isSection(String key) {
        return SECTIONS.contains(key);
    }

    /** Every key, for messages and help. */
    public static List<String> names() {
        List<String> all = new java.util.ArrayList<>(KEYS.keySet());
        all.addAll(LISTS);
        return all;
    }

    /** Sets {@code key}; returns why not, if it cannot be set. */
    static Optional<String> apply(MachineConfig.Builder b, String key, Scalar value, Partial partial) {
        Setter s = KEYS.get(key);
        if (s == null) {
            return Optional.of(unknown(key));
        }
        return s.set(b, value, partial);
    }

    /** Combines what the partial keys collected; returns the key and problem, if any. */
    static Optional<String[]> finish(MachineConfig.Builder b, Partial p) {
        if (p.topology) {
            b.topology(new MachineConfig.Topology(p.sockets, p.clusters, p.cores, p.threads));
        }
        if (p.initrdStart.isPresent() && p.initrdSize.isEmpty()) {
            return Optional.of(new String[] {"initrd", "needs a size"});
        }
        p.initrdSize.ifPresent(size -> b.initrd(new MachineConfig.Initrd(p.initrdStart, size)));
        if (p.hotplugSlots.isPresent() != p.hotplugMax.isPresent()) {
            return Optional.of(new String[] {"memory-hotplug", "needs both slots and max"});
        }
        if (p.hotplugSlots.isPresent()) {
            b.memoryHotplug(new MachineConfig.MemoryHotplug(p.hotplugSlots.get(), p.hotplugMax.get()));
        }
        return Optional.empty();
    }

    static String unknown(String key) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String k : names()) {
            int d = distance(k, key);
            if (d < best) {
                best = d;
                closest = k;
            }
        }
        return "unknown key" + (closest != null && best <= 3 ? " (did you mean " + closest + "?)" : "; known keys: " + String.join(", ", names()));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Optional<String> set(Runnable r) {
        r.run();
        return Optional.empty();
    }

    private static Optional<String> expected(String what) {
        return Optional.of("must be " + what);
    }

    private static Optional<String> range(Scalar v, int min, int max) {
        return Optional.of("must be a whole number from " + min + " to " + max + ", not " + show(v));
    }

    private static String show(Scalar v) {
        return switch (v.kind()) {
            case STRING -> "\"" + v.text() + "\"";
            case NULL -> "nothing";
            default -> v.text();
        };
    }

    private static Optional<String> string(Scalar v) {
        return v.kind() == Kind.STRING && !v.text().isEmpty() ? Optional.of(v.text()) : Optional.empty();
    }

    private static Optional<Boolean> bool(Scalar v) {
        return v.kind() == Kind.BOOLEAN ? Optional.of(Boolean.parseBoolean(v.text())) : Optional.empty();
    }

    private static Optional<Integer> integer(Scalar v, int min, int max) {
        if (v.kind() != Kind.INTEGER) {
            return Optional.empty();
        }
        try {
            BigDecimal n = new BigDecimal(v.text());
            if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
                return Optional.empty();
            }
            return Optional.of(n.intValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> address(Scalar v) {
        if (v.kind() != Kind.INTEGER && v.kind() != Kind.STRING) {
            return Optional.empty();
        }
        return Sizes.parseAddress(v.text());
    }
}
