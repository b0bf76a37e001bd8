package dev.hwdesc.bench;

import dev.hwdesc.dts.DtsCompiler;
import dev.hwdesc.dts.DtsException;
import dev.hwdesc.fdt.DeviceTree;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse+compile throughput of DTS source: the bytes of {@code gen_dts.py tree 100000} (and
 * {@code refs 8000}) through {@link DtsCompiler} to the device tree model, per second; the
 * {@code bytes} counter is source bytes/s. The source is generated into a temporary file at setup
 * (the same text gen_dts.py writes), so the benchmark needs no input files.
 * Run: {@code java -jar bench/target/benchmarks.jar DtsCompile}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class DtsCompileBenchmark {

    @Param({"tree-100000", "refs-8000"})
    public String source;

    private Path file;
    private long size;
    private int nodes;

    @Setup
    public void write() throws IOException {
        String[] spec = source.split("-");
        file = Files.createTempFile("hwdesc-bench", ".dts");
        Files.writeString(file, GeneratedDts.text(spec[0], Integer.parseInt(spec[1])));
        size = Files.size(file);
        try {
            nodes = BenchData.countNodes(compile());
        } catch (DtsException e) {
            throw new IllegalStateException(e);
        }
    }

    private DeviceTree compile() throws DtsException {
        return DtsCompiler.compile(file.toString(), new ByteArrayInputStream(new byte[0]), DtsCompiler.Options.DEFAULT).tree();
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public DeviceTree compile(Throughput t) throws DtsException {
        DeviceTree tree = compile();
        t.bytes += size;
        t.nodes += nodes;
        return tree;
    }
}
