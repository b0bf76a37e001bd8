package dev.hwdesc.acpi.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;

import dev.hwdesc.acpi.table.AcpiFormatException;
import dev.hwdesc.acpi.table.Structure;
import dev.hwdesc.acpi.table.TableCodec;
import dev.hwdesc.acpi.table.TableLayouts;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.qemu.QemuVirt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * For random qemu-virt configs, every table hwdesc writes decodes into the same structure parts and
 * re-encodes to the same bytes; damaged tables are format errors or are kept raw, never a crash.
 */
class QemuVirtTablesPropertyTest {

    static Platform platform(long seed) {
        Random r = new Random(seed);
        int gic = 2 + r.nextInt(3);
        boolean el2 = gic == 4 || r.nextBoolean();
        int maxCpus = gic == 2 ? 8 : 64;
        int threads = 1 + r.nextInt(2);
        int cores = 1 + r.nextInt(4);
        int sockets = 1 + r.nextInt(2);
        int cpus = Math.min(maxCpus, sockets * cores * threads);
        MachineConfig.Builder b = MachineConfig.builder().cpu(el2 ? "max" : "cortex-a57").cpus(cpus).gicVersion(gic)
                .virtualization(el2).firmware(true).memory(1L << 30);
        if (cpus == sockets * cores * threads) {
            b.topology(new MachineConfig.Topology(Optional.of(sockets), Optional.empty(), Optional.of(cores), Optional.of(threads)));
        }
        if (gic != 2) {
            b.its(r.nextBoolean());
            if (r.nextBoolean()) {
                b.iommu(MachineConfig.Iommu.SMMUV3).iommuBypass(r.nextBoolean());
            }
        }
        if (r.nextBoolean()) {
            numa(r, b, cpus);
        }
        if (!b.build().iommu().isPresent() && r.nextInt(3) == 0) {
            b.iommu(MachineConfig.Iommu.VIRTIO);
        }
        try {
            return new QemuVirt().platform(b.build());
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 1 to 4 NUMA nodes over 1 GiB, CPUs dealt round the nodes, maybe a last node without RAM, maybe distances. */
    private static void numa(Random r, MachineConfig.Builder b, int cpus) {
        int nodes = 1 + r.nextInt(4);
        boolean memoryless = nodes > 1 && r.nextBoolean();
        long each = (1L << 30) / nodes & ~0x1fffffL;
        List<MachineConfig.NumaNode> list = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            List<Integer> mine = new ArrayList<>();
            for (int c = n; c < cpus; c += nodes) {
                mine.add(c);
            }
            long memory = memoryless && n == nodes - 1 ? 0 : each;
            if (n == 0) {
                memory = (1L << 30) - each * (nodes - 1) + (memoryless ? each : 0);
            }
            list.add(new MachineConfig.NumaNode(mine, memory));
        }
        b.numaNodes(list);
        if (r.nextBoolean()) {
            List<List<Integer>> rows = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                List<Integer> row = new ArrayList<>();
                for (int j = 0; j < nodes; j++) {
                    row.add(i == j ? 10 : 11 + r.nextInt(245));
                }
                rows.add(row);
            }
            b.numaDistances(rows);
        }
    }

    @Test
    void everyTableRoundTrips() {
        qt().withFixedSeed(0xacb1_0001L).withExamples(200).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            AcpiTables tables = QemuVirtTables.of(platform(seed));
            for (String sig : tables.tables().keySet()) {
                byte[] bytes = tables.bytes(sig);
                assertEquals(0, TableCodec.sum(bytes, 0, bytes.length), sig);
                assertEquals(bytes.length, TableCodec.size(tables.table(sig)), sig + ": size() is the encoding's length");
                Structure back = TableLayouts.decode(bytes);
                assertFalse(back.verbatim(), sig);
                assertEquals(tables.table(sig).children().size(), back.children().size(), sig);
                assertArrayEquals(bytes, TableLayouts.encode(back), sig);
            }
        });
    }

    @Test
    void damagedTablesAreFormatErrorsOrKeptRaw() {
        List<byte[]> tables = new ArrayList<>();
        for (long seed = 0; seed < 8; seed++) {
            AcpiTables t = QemuVirtTables.of(platform(seed));
            for (String sig : t.tables().keySet()) {
                tables.add(t.bytes(sig));
            }
        }
        qt().withFixedSeed(0xacb1_0002L).withExamples(3000).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            byte[] b = tables.get(r.nextInt(tables.size())).clone();
            int flips = 1 + r.nextInt(4);
            for (int i = 0; i < flips; i++) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            if (r.nextInt(4) == 0) {
                b = Arrays.copyOf(b, r.nextInt(b.length + 1));
            }
            Structure s;
            try {
                s = TableLayouts.decode(b);
            } catch (AcpiFormatException e) {
                return;
            }
            byte[] again = TableLayouts.encode(s);
            // Only the checksums are recomputed: everything else comes back as it was.
            byte[] x = b.clone();
            byte[] y = again.clone();
            assertEquals(x.length, y.length);
            for (int at : checksumOffsets(b)) {
                x[at] = 0;
                y[at] = 0;
            }
            assertArrayEquals(x, y);
        });
    }

    private static int[] checksumOffsets(byte[] b) {
        boolean rsdp = b.length >= 8 && new String(b, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1).equals("RSD PTR ");
        return rsdp ? new int[] {8, 32} : new int[] {9};
    }
}
