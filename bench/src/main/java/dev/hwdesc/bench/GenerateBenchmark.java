package dev.hwdesc.bench;

import dev.hwdesc.fdt.dtb.DtbEncoder;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.qemu.QemuVirt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One VM described from scratch, in process and without files: config object to platform (the
 * profile's checks included) to device tree to DTB bytes, for an 8-CPU GICv3 qemu-virt VM with ITS,
 * PCIe and 32 virtio-mmio slots. The target is under 50 microseconds per VM.
 * Run: {@code java -jar bench/target/benchmarks.jar Generate} from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GenerateBenchmark {

    private final QemuVirt profile = new QemuVirt();
    private final MachineConfig config = MachineConfig.builder().cpus(8).gicVersion(3).its(true).memory(2L << 30).build();

    @Benchmark
    public byte[] configToDtb() throws ConfigException {
        Platform platform = profile.platform(config);
        return DtbEncoder.encode(profile.deviceTree(platform));
    }
}
