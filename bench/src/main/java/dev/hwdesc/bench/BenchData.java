package dev.hwdesc.bench;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.dtb.DtbEncoder;
import dev.hwdesc.fdt.dtb.DtbReader;
import dev.hwdesc.fdt.dtb.FdtFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The inputs the benchmarks name, read from test-vectors/data (or -Dhwdesc.data=DIR). */
final class BenchData {

    private BenchData() {
    }

    static Path data() {
        String configured = System.getProperty("hwdesc.data");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path p : List.of(Path.of("test-vectors", "data"), Path.of("..", "test-vectors", "data"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("run from the repository root, or set -Dhwdesc.data=.../test-vectors/data");
    }

    /**
     * A packed blob by name: "qemu-virt" is QEMU 7.2's virt DTB (GICv3, 2 CPUs) packed as
     * {@code dtc -I dtb -O dtb} packs it; "tree-100000" is gen_dts.py's 100,000-node tree compiled by dtc.
     */
    static byte[] packedBlob(String name) {
        Path file = switch (name) {
            case "qemu-virt" -> data().resolve("qemu-virt/gicv3-a57-smp2-1G.dtb.gz");
            case "tree-100000" -> data().resolve("scale/tree-100000.dtb.gz");
            case "refs-8000" -> data().resolve("scale/refs-8000.dtb.gz");
            default -> throw new IllegalArgumentException(name);
        };
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return DtbEncoder.encode(DtbReader.read(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FdtFormatException e) {
            throw new IllegalStateException(e.describe(), e);
        }
    }

    static int countNodes(DeviceTree t) {
        int n = 0;
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(t.root());
        while (!todo.isEmpty()) {
            Node x = todo.pop();
            n++;
            x.children().forEach(todo::push);
        }
        return n;
    }
}
