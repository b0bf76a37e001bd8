package dev.hwdesc.bench;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.dtb.DtbEncoder;
import dev.hwdesc.fdt.dtb.DtbReader;
import dev.hwdesc.fdt.dtb.FdtFormatException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DTB read and write throughput on packed blobs: QEMU's virt DTB and a 100,000-node tree. Read is
 * blob bytes to a validated {@link DeviceTree}; write is a tree to blob bytes, dtc's layout.
 * Run: {@code java -jar bench/target/benchmarks.jar DtbCodec} from the repository root.
 *
 * <p>The fork uses the parallel collector and a fixed 4 GiB heap: a read builds a 44 MB tree for the
 * 100,000-node blob, and with G1 on a small heap the measurement is mostly the collector copying
 * the half-built tree out of the young generation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class DtbCodecBenchmark {

    @Param({"qemu-virt", "tree-100000"})
    public String blob;

    private byte[] bytes;
    private DeviceTree tree;
    private int nodes;

    @Setup
    public void load() throws FdtFormatException {
        bytes = BenchData.packedBlob(blob);
        tree = DtbReader.read(bytes);
        nodes = BenchData.countNodes(tree);
    }

    @Benchmark
    public DeviceTree read(Throughput t) throws FdtFormatException {
        DeviceTree d = DtbReader.read(bytes);
        t.bytes += bytes.length;
        t.nodes += nodes;
        return d;
    }

    @Benchmark
    public byte[] write(Throughput t) {
        byte[] out = DtbEncoder.encode(tree);
        t.bytes += out.length;
        t.nodes += nodes;
        return out;
    }
}
