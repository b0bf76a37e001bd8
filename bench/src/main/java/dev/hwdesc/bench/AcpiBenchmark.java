package dev.hwdesc.bench;

import dev.hwdesc.acpi.qemu.AcpiTables;
import dev.hwdesc.acpi.qemu.QemuVirtTables;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A VM's complete ACPI table set, in process and without files: from a prepared platform (an 8-CPU
 * GICv3 qemu-virt VM with ITS, PCIe and 32 virtio-mmio slots) to its tables as QEMU 7.2 lays them
 * out (the DSDT's AML included) and every table encoded to bytes. The target is under 100 microseconds per set.
 * Run: {@code java -jar bench/target/benchmarks.jar Acpi} from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AcpiBenchmark {

    private Platform platform;

    @Setup
    public void prepare() throws ConfigException {
        platform = new QemuVirt().platform(
                MachineConfig.builder().cpus(8).gicVersion(3).its(true).memory(2L << 30).build());
    }

    @Benchmark
    public void platformToTableBytes(Blackhole bh) {
        AcpiTables tables = QemuVirtTables.of(platform);
        for (String signature : tables.tables().keySet()) {
            bh.consume(tables.bytes(signature));
        }
    }
}
