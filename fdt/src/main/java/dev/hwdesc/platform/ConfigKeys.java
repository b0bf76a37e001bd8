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
        /** The topology counts, once any is set. */
        static final class Counts {
            Optional<Integer> sockets = Optional.empty();
            Optional<Integer> clusters = Optional.empty();
            Optional<Integer> cores = Optional.empty();
            Optional<Integer> threads = Optional.empty();
        }

        private Counts topology;

        Counts topology() {
            if (topology == null) {
                topology = new Counts();
            }
            return topology;
        }

        Optional<Long> initrdStart = Optional.empty();
        Optional<Long> initrdSize = Optional.empty();
        Optional<Integer> hotplugSlots = Optional.empty();
        Optional<Long> hotplugMax = Optional.empty();
        Optional<Boolean> hmat = Optional.empty();
        Optional<List<MachineConfig.Hmat.LatencyBandwidth>> hmatLb = Optional.empty();
        Optional<List<MachineConfig.Hmat.MemoryCache>> hmatCaches = Optional.empty();
    }

    private static final Map<String, Setter> KEYS = new LinkedHashMap<>();
    /** Keys that are mappings of other keys. */
    static final List<String> SECTIONS = List.of("topology", "gic", "psci", "initrd", "numa", "memory-hotplug");
    /** Keys whose values are lists, read by {@link ConfigReader} itself. */
    static final List<String> LISTS = List.of("numa.nodes", "numa.distances", "numa.hmat-lb", "numa.hmat-cache");

    static {
        key("profile", ConfigKeys::string, "a profile name", (b, p, x) -> b.profile(x));
        key("arch", v -> Architecture.byConfigName(string(v).orElse("")), "aarch64 or aarch32", (b, p, x) -> b.architecture(x));
        key("cpus", v -> integer(v, 1, 4096), "a whole number from 1 to 4096", (b, p, x) -> b.cpus(x));
        key("topology.sockets", v -> integer(v, 1, 4096), "a whole number from 1 to 4096", (b, p, x) -> p.topology().sockets = Optional.of(x));
        key("topology.clusters", v -> integer(v, 1, 4096), "a whole number from 1 to 4096", (b, p, x) -> p.topology().clusters = Optional.of(x));
        key("topology.cores", v -> integer(v, 1, 4096), "a whole number from 1 to 4096", (b, p, x) -> p.topology().cores = Optional.of(x));
        key("topology.threads", v -> integer(v, 1, 4096), "a whole number from 1 to 4096", (b, p, x) -> p.topology().threads = Optional.of(x));
        key("cpu", ConfigKeys::string, "a CPU model name such as cortex-a57", (b, p, x) -> b.cpu(x));
        key("pmu", ConfigKeys::bool, "true or false", (b, p, x) -> b.pmu(x));
        key("memory", ConfigKeys::size, "a size such as 2GiB, 512M or a number of bytes", (b, p, x) -> b.memory(x));
        key("gic", v -> integer(v, 0, Integer.MAX_VALUE), "a GIC version (2, 3 or 4) or a mapping with version and its",
                (b, p, x) -> b.gicVersion(x));
        key("gic.version", v -> integer(v, 0, Integer.MAX_VALUE), "2, 3 or 4", (b, p, x) -> b.gicVersion(x));
        key("gic.its", ConfigKeys::bool, "true or false", (b, p, x) -> b.its(x));
        key("virtio-mmio", v -> integer(v, 0, Integer.MAX_VALUE), "a number of virtio-mmio transports", (b, p, x) -> b.virtioMmio(x));
        key("pcie", ConfigKeys::bool, "true or false", (b, p, x) -> b.pcie(x));
        key("highmem", ConfigKeys::bool, "true or false", (b, p, x) -> b.highmem(x));
        key("iommu", v -> oneOf(v, MachineConfig.Iommu.values()), "none, smmuv3 or virtio", (b, p, x) -> b.iommu(x));
        key("iommu-slot", v -> integer(v, 1, 31), "a PCI slot from 1 to 31", (b, p, x) -> b.virtioIommuSlot(x));
        key("iommu-bypass", ConfigKeys::bool, "true or false", (b, p, x) -> b.iommuBypass(x));
        key("psci", v -> oneOf(v, MachineConfig.PsciMethod.values()), "hvc, smc or none, or a mapping with method",
                (b, p, x) -> b.psciMethod(x));
        key("psci.method", v -> oneOf(v, MachineConfig.PsciMethod.values()), "hvc, smc or none", (b, p, x) -> b.psciMethod(x));
        key("secure", ConfigKeys::bool, "true or false", (b, p, x) -> b.secure(x));
        key("virtualization", ConfigKeys::bool, "true or false", (b, p, x) -> b.virtualization(x));
        key("firmware", ConfigKeys::bool, "true or false", (b, p, x) -> b.firmware(x));
        key("bootargs", v -> v.kind() == Kind.NULL || v.kind() == Kind.BOOLEAN ? Optional.empty() : Optional.of(v.text()),
                "a string", (b, p, x) -> b.bootargs(x));
        key("random-seeds", ConfigKeys::bool, "true or false", (b, p, x) -> b.randomSeeds(x));
        key("initrd.start", ConfigKeys::address, "an address such as 0x48000000", (b, p, x) -> p.initrdStart = Optional.of(x));
        key("initrd.size", ConfigKeys::size, "a size such as 16MiB or a number of bytes", (b, p, x) -> p.initrdSize = Optional.of(x));
        key("numa.hmat", ConfigKeys::bool, "true or false", (b, p, x) -> p.hmat = Optional.of(x));
        key("memory-hotplug.slots", v -> integer(v, 1, 256), "a whole number from 1 to 256", (b, p, x) -> p.hotplugSlots = Optional.of(x));
        key("memory-hotplug.max", ConfigKeys::size, "a size such as 8GiB", (b, p, x) -> p.hotplugMax = Optional.of(x));
    }

    /** How a key's value is stored once read. */
    @FunctionalInterface
    private interface Store<T> {
        void store(MachineConfig.Builder b, Partial p, T value);
    }

    /** A key whose value {@code read} turns into a T (or empty when the value is not one) and {@code store} keeps. */
    private static <T> void key(String name, java.util.function.Function<Scalar, Optional<T>> read, String expected, Store<T> store) {
        KEYS.put(name, (b, v, p) -> {
            Optional<T> value = read.apply(v);
            if (value.isEmpty()) {
                return Optional.of("must be " + expected + ", not " + show(v));
            }
            store.store(b, p, value.get());
            return Optional.empty();
        });
    }

    private ConfigKeys() {
    }

    /** Whether {@code key} is a key or a section of keys. */
    static boolean known(String key) {
        return KEYS.containsKey(key) || SECTIONS.contains(key) || LISTS.contains(key);
    }

    /** Whether {@code key} takes a single value: a plain key, or a section with a shorthand ("gic: 3"). */
    static boolean takesValue(String key) {
        return KEYS.containsKey(key);
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
        if (p.topology != null) {
            b.topology(new MachineConfig.Topology(p.topology.sockets, p.topology.clusters, p.topology.cores, p.topology.threads));
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
        boolean hmat = p.hmat.orElse(false);
        if (!hmat && (p.hmatLb.isPresent() || p.hmatCaches.isPresent())) {
            return Optional.of(new String[] {p.hmatLb.isPresent() ? "numa.hmat-lb" : "numa.hmat-cache",
                    "needs numa.hmat: true (QEMU's -machine hmat=on)"});
        }
        if (hmat) {
            b.hmat(new MachineConfig.Hmat(p.hmatLb.orElse(List.of()), p.hmatCaches.orElse(List.of())));
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

    static Optional<Long> size(Scalar v) {
        return v.kind() == Kind.BOOLEAN || v.kind() == Kind.NULL ? Optional.empty() : Sizes.parse(v.text());
    }

    /** The constant of {@code values} whose name, in lower case with '-' for '_', is the value. */
    static <E extends Enum<E>> Optional<E> oneOf(Scalar v, E[] values) {
        for (E e : values) {
            if (v.kind() == Kind.STRING && configName(e).equals(v.text())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** How a config spells an enum constant: FIRST_LEVEL is first-level. */
    public static String configName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Integer> integer(Scalar v, int min, int max) {
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
