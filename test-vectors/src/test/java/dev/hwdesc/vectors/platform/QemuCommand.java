package dev.hwdesc.vectors.platform;

import dev.hwdesc.platform.Architecture;
import dev.hwdesc.platform.MachineConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A qemu-system-aarch64/-arm command line from the dump manifest, read as the config that should give
 * the same device tree. QEMU's own defaults are written out (GICv2, cortex-a15, one CPU, 128 MiB),
 * since hwdesc's differ. Options this reader does not know make {@link #config} empty, with the
 * reason in {@link #unsupported}.
 */
record QemuCommand(Optional<MachineConfig> config, String unsupported) {

    /** The size of the dummy initrd the dump script loads. */
    static final long DUMMY_INITRD_SIZE = 4096;

    static QemuCommand parse(String commandLine) {
        List<String> args = split(commandLine);
        MachineConfig.Builder b = MachineConfig.builder();
        b.gicVersion(2).cpu("cortex-a15").cpus(1).memory(128L << 20);
        if (args.get(0).endsWith("-arm")) {
            b.architecture(Architecture.AARCH32);
        }
        boolean kernel = false;
        boolean iommuGiven = false;
        Optional<String> initrd = Optional.empty();
        java.util.Map<String, Long> backends = new java.util.HashMap<>();
        java.util.TreeMap<Integer, MachineConfig.NumaNode> numa = new java.util.TreeMap<>();
        java.util.Map<String, Integer> distances = new java.util.HashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : "";
            switch (a) {
                case "-display" -> i++;
                case "-machine" -> {
                    i++;
                    String[] parts = v.split(",");
                    if (!parts[0].equals("virt")) {
                        return no("machine type " + parts[0]);
                    }
                    for (int k = 1; k < parts.length; k++) {
                        String[] kv = parts[k].split("=", 2);
                        String val = kv.length > 1 ? kv[1] : "";
                        switch (kv[0]) {
                            case "gic-version" -> b.gicVersion(val.equals("max") ? 3 : Integer.parseInt(val));
                            case "its" -> b.its(val.equals("on"));
                            case "secure" -> b.secure(val.equals("on"));
                            case "virtualization" -> b.virtualization(val.equals("on"));
                            case "highmem" -> b.highmem(val.equals("on"));
                            case "iommu" -> {
                                if (!val.equals("smmuv3")) {
                                    return no("iommu=" + val);
                                }
                                b.iommu(MachineConfig.Iommu.SMMUV3);
                            }
                            case "default-bus-bypass-iommu" -> b.iommuBypass(val.equals("on"));
                            case "dtb-randomness", "dumpdtb" -> { }
                            default -> {
                                return no("-machine " + kv[0]);
                            }
                        }
                    }
                }
                case "-cpu" -> {
                    i++;
                    String[] parts = v.split(",");
                    b.cpu(parts[0]);
                    for (int k = 1; k < parts.length; k++) {
                        if (parts[k].equals("pmu=off")) {
                            b.pmu(false);
                        } else {
                            return no("-cpu option " + parts[k]);
                        }
                    }
                }
                case "-smp" -> {
                    i++;
                    String[] parts = v.split(",");
                    b.cpus(Integer.parseInt(parts[0]));
                    Optional<Integer> sockets = Optional.empty();
                    Optional<Integer> clusters = Optional.empty();
                    Optional<Integer> cores = Optional.empty();
                    Optional<Integer> threads = Optional.empty();
                    for (int k = 1; k < parts.length; k++) {
                        String[] kv = parts[k].split("=", 2);
                        Optional<Integer> n = Optional.of(Integer.parseInt(kv[1]));
                        switch (kv[0]) {
                            case "sockets" -> sockets = n;
                            case "clusters" -> clusters = n;
                            case "cores" -> cores = n;
                            case "threads" -> threads = n;
                            default -> {
                                return no("-smp " + kv[0]);
                            }
                        }
                    }
                    if (parts.length > 1) {
                        b.topology(new MachineConfig.Topology(sockets, clusters, cores, threads));
                    }
                }
                case "-m" -> {
                    i++;
                    String[] parts = v.split(",");
                    b.memory(size(parts[0]));
                    int slots = 0;
                    long max = 0;
                    for (int k = 1; k < parts.length; k++) {
                        String[] kv = parts[k].split("=", 2);
                        switch (kv[0]) {
                            case "slots" -> slots = Integer.parseInt(kv[1]);
                            case "maxmem" -> max = size(kv[1]);
                            default -> {
                                return no("-m " + kv[0]);
                            }
                        }
                    }
                    if (slots > 0) {
                        b.memoryHotplug(new MachineConfig.MemoryHotplug(slots, max));
                    }
                }
                case "-object" -> {
                    i++;
                    java.util.Map<String, String> o = options(v);
                    if (!v.startsWith("memory-backend-ram,")) {
                        return no("-object " + v);
                    }
                    backends.put(o.get("id"), size(o.get("size")));
                }
                case "-numa" -> {
                    i++;
                    java.util.Map<String, String> o = options(v);
                    if (v.startsWith("node,")) {
                        List<Integer> cpus = new ArrayList<>();
                        String[] range = o.get("cpus").split("-");
                        for (int c = Integer.parseInt(range[0]); c <= Integer.parseInt(range[range.length - 1]); c++) {
                            cpus.add(c);
                        }
                        long mem = o.containsKey("memdev") ? backends.get(o.get("memdev")) : 0;
                        numa.put(Integer.parseInt(o.get("nodeid")), new MachineConfig.NumaNode(cpus, mem));
                    } else if (v.startsWith("dist,")) {
                        distances.put(o.get("src") + "," + o.get("dst"), Integer.parseInt(o.get("val")));
                    } else {
                        return no("-numa " + v);
                    }
                }
                case "-kernel" -> {
                    i++;
                    kernel = true;
                }
                case "-initrd" -> {
                    i++;
                    initrd = Optional.of(v);
                }
                case "-device" -> {
                    i++;
                    String device = v.split(",")[0];
                    // Devices found by probing (PCI) or sitting in virt's fixed virtio-mmio slots leave
                    // the device tree as it is; virtio-iommu and guest-loader change it.
                    boolean neutral = device.endsWith("-pci") || device.startsWith("virtio-") && device.endsWith("-device")
                            || device.equals("pcie-root-port") || device.equals("pci-testdev");
                    if (device.equals("virtio-iommu-pci") && !iommuGiven) {
                        // placed at 00:02.0 when it is the first -device, as in the manifest
                        b.iommu(MachineConfig.Iommu.VIRTIO);
                        iommuGiven = true;
                    } else if (!neutral || device.equals("virtio-iommu-pci")) {
                        return no("-device " + device);
                    }
                }
                case "-drive" -> i++;
                case "-append" -> {
                    i++;
                    b.bootargs(v);
                }
                default -> {
                    return no("option " + a);
                }
            }
        }
        if (!numa.isEmpty()) {
            b.numaNodes(List.copyOf(numa.values()));
            if (!distances.isEmpty()) {
                // QEMU's rule: 10 to itself; a distance given one way holds both ways.
                List<List<Integer>> rows = new ArrayList<>();
                for (int from = 0; from < numa.size(); from++) {
                    List<Integer> row = new ArrayList<>();
                    for (int to = 0; to < numa.size(); to++) {
                        Integer d = distances.getOrDefault(from + "," + to, distances.get(to + "," + from));
                        row.add(from == to ? 10 : d);
                    }
                    rows.add(row);
                }
                b.numaDistances(rows);
            }
        }
        if (kernel && initrd.isPresent()) {
            b.initrd(new MachineConfig.Initrd(Optional.empty(), DUMMY_INITRD_SIZE));
        }
        return new QemuCommand(Optional.of(b.build()), "");
    }

    /** key=value pairs after the first comma. */
    private static java.util.Map<String, String> options(String v) {
        java.util.Map<String, String> o = new java.util.HashMap<>();
        for (String part : v.substring(v.indexOf(',') + 1).split(",")) {
            String[] kv = part.split("=", 2);
            o.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return o;
    }

    private static QemuCommand no(String why) {
        return new QemuCommand(Optional.empty(), why);
    }

    private static long size(String v) {
        char unit = v.charAt(v.length() - 1);
        long n = Long.parseLong(Character.isDigit(unit) ? v : v.substring(0, v.length() - 1));
        return switch (unit) {
            case 'K' -> n << 10;
            case 'M' -> n << 20;
            case 'G' -> n << 30;
            case 'T' -> n << 40;
            default -> n << 20; // QEMU's default unit for -m is MiB
        };
    }

    /** Splits on spaces, keeping '...' quoted words together (the manifest quotes -append's value). */
    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(word.toString());
        }
        return out;
    }
}
