package dev.hwdesc.vectors.boot;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import dev.hwdesc.fdt.PropertyValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The boot test's allow-list: every way the FDT Linux exposes in {@code /sys/firmware/fdt} may differ
 * from the DTB handed to QEMU 7.2 with {@code -dtb} on {@code -machine virt} (no NUMA, no EL2/EL3,
 * {@code -kernel} and {@code -initrd}). Each {@link Edit} is one thing QEMU's loader or Linux 6.1's early
 * boot does to the blob, with its exact result; {@link #expected} makes them in the order they happen.
 * The tree read back must then equal the result exactly: any other difference fails the test.
 *
 * <p>How each was found (QEMU 7.2.22, Debian kernel 6.1): boots of hand-changed DTBs read back through
 * /init, and QEMU's own {@code dumpdtb} taken with {@code -dtb}, which writes the blob after QEMU's edits
 * (byte-identical to the read-back whenever the blob has no seeds). {@code QemuDtbEditsTest} repeats the
 * QEMU side against {@code dumpdtb}. Not changed, also checked: the memory reservation map,
 * {@code boot_cpuid_phys}, version 17, every node and property not named here and their order;
 * {@code dtb-randomness=on/off} makes no difference with {@code -dtb}.
 */
final class QemuDtbEdits {

    /** Where virt's RAM starts. */
    static final long RAM_BASE = 0x4000_0000L;
    /** QEMU loads the initrd 128 MiB into RAM (RAM of 256 MiB or more, a kernel smaller than that). */
    static final long INITRD_OFFSET = 128L << 20;

    /** What QEMU was told: RAM size ({@code -m}), kernel arguments ({@code -append}), initrd size. */
    record Boot(long ramBytes, String bootargs, long initrdBytes) {
        long initrdStart() {
            return RAM_BASE + INITRD_OFFSET;
        }
    }

    enum Edit {
        /**
         * QEMU (arm_load_dtb) turns every node named memory or memory@... under a path starting /memory
         * into NOPs, then adds {@code memory@<base>} with {@code reg = <base size>} in the root's
         * #address-cells/#size-cells and {@code device_type = "memory"}, as the first child of /.
         */
        MEMORY_NODES_REPLACED("QEMU replaces the /memory nodes with one for -m") {
            @Override
            void apply(DeviceTree t, Boot boot) {
                Node root = t.root();
                List<Node> old = new ArrayList<>();
                collectMemoryNodes(root, old);
                old.forEach(n -> n.parent().orElseThrow().removeChild(n));
                Node memory = new Node("memory@" + Long.toHexString(RAM_BASE));
                insertFirst(root, memory);
                setProperty(memory, "device_type", string("memory"));
                setProperty(memory, "reg", cells(cellsOf(root, "#address-cells"), RAM_BASE,
                        cellsOf(root, "#size-cells"), boot.ramBytes()));
            }
        },
        /** QEMU adds an empty /chosen as the first child of / when there is none. */
        CHOSEN_ADDED("QEMU adds /chosen if it is missing") {
            @Override
            void apply(DeviceTree t, Boot boot) {
                if (t.root().child("chosen").isEmpty()) {
                    insertFirst(t.root(), new Node("chosen"));
                }
            }
        },
        /** QEMU sets /chosen/bootargs to the -append string (in place if present, else as the first property). */
        BOOTARGS_SET("QEMU sets /chosen/bootargs from -append") {
            @Override
            void apply(DeviceTree t, Boot boot) {
                setProperty(chosen(t), "bootargs", string(boot.bootargs()));
            }
        },
        /** QEMU sets /chosen/linux,initrd-start to where it loaded -initrd: one 32-bit cell. */
        INITRD_START_SET("QEMU sets /chosen/linux,initrd-start") {
            @Override
            void apply(DeviceTree t, Boot boot) {
                setProperty(chosen(t), "linux,initrd-start", PropertyValue.ofBytes(u32(boot.initrdStart())));
            }
        },
        /** QEMU sets /chosen/linux,initrd-end to the initrd's start plus its file size: one 32-bit cell. */
        INITRD_END_SET("QEMU sets /chosen/linux,initrd-end") {
            @Override
            void apply(DeviceTree t, Boot boot) {
                setProperty(chosen(t), "linux,initrd-end",
                        PropertyValue.ofBytes(u32(boot.initrdStart() + boot.initrdBytes())));
            }
        },
        /**
         * QEMU (fdt_add_psci_node) turns an existing /psci into NOPs and adds its own as the first child
         * of /: PSCI 1.0 through HVC, with the SMC64 function ids of PSCI 0.1's properties.
         */
        PSCI_NODE_REPLACED("QEMU replaces /psci with its own") {
            @Override
            void apply(DeviceTree t, Boot boot) {
                t.root().child("psci").ifPresent(t.root()::removeChild);
                Node psci = new Node("psci");
                insertFirst(t.root(), psci);
                setProperty(psci, "compatible", string("arm,psci-1.0", "arm,psci-0.2", "arm,psci"));
                setProperty(psci, "method", string("hvc"));
                setProperty(psci, "cpu_suspend", PropertyValue.ofBytes(u32(0xc400_0001L)));
                setProperty(psci, "cpu_off", PropertyValue.ofBytes(u32(0x8400_0002L)));
                setProperty(psci, "cpu_on", PropertyValue.ofBytes(u32(0xc400_0003L)));
                setProperty(psci, "migrate", PropertyValue.ofBytes(u32(0xc400_0005L)));
            }
        },
        /**
         * QEMU fills every rng-seed property, in any node, with fresh random bytes of the same length at
         * each reset, whatever dtb-randomness says. The tree keeps the given bytes; the comparison takes
         * any bytes of the right length ({@link #RANDOM_PROPERTIES}).
         */
        RNG_SEEDS_RANDOMIZED("QEMU refills every rng-seed with random bytes") {
            @Override
            void apply(DeviceTree t, Boot boot) {
                // Nothing to predict: FdtDiff takes any bytes of the same length for RANDOM_PROPERTIES.
            }
        },
        /** Linux (arm64 KASLR setup) reads /chosen/kaslr-seed and zeroes it in place when it is 8 bytes. */
        KASLR_SEED_ZEROED("Linux zeroes /chosen/kaslr-seed") {
            @Override
            void apply(DeviceTree t, Boot boot) {
                chosen(t).property("kaslr-seed").filter(p -> p.value().length() == 8)
                        .ifPresent(p -> p.setValue(PropertyValue.ofBytes(new byte[8])));
            }
        },
        /** Linux (early_init_dt_scan_chosen) feeds a non-empty /chosen/rng-seed to its RNG and removes it. */
        CHOSEN_RNG_SEED_REMOVED("Linux removes /chosen/rng-seed") {
            @Override
            void apply(DeviceTree t, Boot boot) {
                chosen(t).property(RNG_SEED).filter(p -> !p.value().isEmpty()).ifPresent(chosen(t)::removeProperty);
            }
        };

        private final String summary;

        Edit(String summary) {
            this.summary = summary;
        }

        String summary() {
            return summary;
        }

        /** Makes the edit in {@code t}. */
        abstract void apply(DeviceTree t, Boot boot);
    }

    static final String RNG_SEED = "rng-seed";
    /** Properties whose bytes QEMU randomizes: compared by length only. */
    static final Set<String> RANDOM_PROPERTIES = Set.of(RNG_SEED);

    private QemuDtbEdits() {
    }

    /** The allow-list in words, for messages. */
    static String summaries() {
        return Arrays.stream(Edit.values()).map(e -> e + ": " + e.summary()).collect(Collectors.joining("; "))
                + "; BLOB_GROWN: totalsize (file size + 10000) * 2";
    }

    /** QEMU's -dtb loader makes the blob (file size + 10000) * 2 bytes (load_device_tree), a header-only change. */
    static long expectedTotalSize(long dtbFileBytes) {
        return (dtbFileBytes + 10000) * 2;
    }

    /** Makes every edit in {@code given}, in order: the tree the guest should read back. */
    static void expected(DeviceTree given, Boot boot) {
        apply(given, boot, EnumSet.allOf(Edit.class));
    }

    /** The edits QEMU's loader makes before the guest runs: what {@code dumpdtb} with {@code -dtb} shows. */
    static EnumSet<Edit> loaderEdits() {
        return EnumSet.range(Edit.MEMORY_NODES_REPLACED, Edit.PSCI_NODE_REPLACED);
    }

    /** Makes the given edits in {@code given}, in their order. */
    static void apply(DeviceTree given, Boot boot, EnumSet<Edit> edits) {
        for (Edit e : edits) {
            e.apply(given, boot);
        }
    }

    // ---- libfdt's way of adding things, which QEMU uses: a new node or property goes first.

    private static void insertFirst(Node parent, Node child) {
        List<Node> rest = parent.takeChildren();
        parent.addChild(child);
        rest.forEach(parent::addChild);
    }

    /** fdt_setprop: an existing property gets the value where it is; a new one goes first. */
    private static void setProperty(Node node, String name, PropertyValue value) {
        Optional<Property> p = node.property(name);
        if (p.isPresent()) {
            p.get().setValue(value);
        } else {
            List<Property> rest = node.takeProperties();
            node.addProperty(name, value);
            rest.forEach(node::addProperty);
        }
    }

    private static void collectMemoryNodes(Node n, List<Node> out) {
        for (Node c : n.children()) {
            if ((c.name().equals("memory") || c.name().startsWith("memory@")) && c.fullPath().startsWith("/memory")) {
                out.add(c);
            } else {
                collectMemoryNodes(c, out);
            }
        }
    }

    private static Node chosen(DeviceTree t) {
        return t.root().child("chosen").orElseThrow(() -> new IllegalStateException("no /chosen after CHOSEN_ADDED"));
    }

    private static int cellsOf(Node root, String name) {
        return root.value(name).filter(v -> v.length() == 4).map(v -> (int) v.u32At(0))
                .orElseThrow(() -> new AssertionError("the DTB's root has no 4-byte " + name + ": QEMU refuses it"));
    }

    private static PropertyValue string(String... strings) {
        StringBuilder sb = new StringBuilder();
        for (String s : strings) {
            sb.append(s).append('\0');
        }
        return PropertyValue.ofBytes(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static PropertyValue cells(int addressCells, long address, int sizeCells, long size) {
        byte[] b = new byte[4 * (addressCells + sizeCells)];
        putCells(b, 0, addressCells, address);
        putCells(b, 4 * addressCells, sizeCells, size);
        return PropertyValue.ofBytes(b);
    }

    /** {@code value} as {@code count} big-endian cells (the high ones 0 beyond 64 bits). */
    private static void putCells(byte[] b, int at, int count, long value) {
        for (int i = 0; i < count; i++) {
            int shift = 32 * (count - 1 - i);
            System.arraycopy(u32(shift >= 64 ? 0 : value >>> shift), 0, b, at + 4 * i, 4);
        }
    }

    private static byte[] u32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
