package dev.hwdesc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

    @Test
    void everyKeyLandsInTheConfig() throws ConfigException {
        MachineConfig c = ConfigReader.parse("""
                profile: qemu-virt
                arch: aarch64
                cpus: 8
                topology: {sockets: 2, clusters: 1, cores: 4, threads: 1}
                cpu: cortex-a72
                pmu: false
                memory: 4GiB
                gic: {version: 3, its: false}
                virtio-mmio: 8
                pcie: true
                highmem: false
                iommu: smmuv3
                psci: {method: smc}
                secure: false
                virtualization: true
                bootargs: console=ttyAMA0
                initrd: {start: 0x48000000, size: 16MiB}
                """, ConfigReader.Format.YAML);
        assertEquals(Optional.of("qemu-virt"), c.profile());
        assertEquals(Optional.of(Architecture.AARCH64), c.architecture());
        assertEquals(Optional.of(8), c.cpus());
        assertEquals(Optional.of(new MachineConfig.Topology(Optional.of(2), Optional.of(1), Optional.of(4), Optional.of(1))), c.topology());
        assertEquals(Optional.of("cortex-a72"), c.cpu());
        assertEquals(Optional.of(false), c.pmu());
        assertEquals(Optional.of(4L << 30), c.memory());
        assertEquals(Optional.of(3), c.gicVersion());
        assertEquals(Optional.of(false), c.its());
        assertEquals(Optional.of(8), c.virtioMmio());
        assertEquals(Optional.of(true), c.pcie());
        assertEquals(Optional.of(false), c.highmem());
        assertEquals(Optional.of(MachineConfig.Iommu.SMMUV3), c.iommu());
        assertEquals(Optional.of(MachineConfig.PsciMethod.SMC), c.psciMethod());
        assertEquals(Optional.of(false), c.secure());
        assertEquals(Optional.of(true), c.virtualization());
        assertEquals(Optional.of("console=ttyAMA0"), c.bootargs());
        assertEquals(Optional.of(new MachineConfig.Initrd(Optional.of(0x48000000L), 16L << 20)), c.initrd());
    }

    @Test
    void anEmptyFileIsAllDefaults() throws ConfigException {
        assertEquals(MachineConfig.defaults(), ConfigReader.parse("", ConfigReader.Format.YAML));
        assertEquals(MachineConfig.defaults(), ConfigReader.parse("{}", ConfigReader.Format.JSON));
    }

    @Test
    void shorthandsForGicAndPsci() throws ConfigException {
        MachineConfig c = ConfigReader.parse("gic: 2\npsci: none\n", ConfigReader.Format.YAML);
        assertEquals(Optional.of(2), c.gicVersion());
        assertEquals(Optional.of(MachineConfig.PsciMethod.NONE), c.psciMethod());
    }

    @Test
    void overridesReplaceTheFilesValueAndForgetItsLine() throws ConfigException {
        ConfigReader r = new ConfigReader().read("cpus: 8\nmemory: 4G\n", ConfigReader.Format.YAML);
        r.override("cpus=2").override("gic.version=2").override("bootargs=a b=c");
        MachineConfig c = r.config();
        assertEquals(Optional.of(2), c.cpus());
        assertEquals(Optional.of(2), c.gicVersion());
        assertEquals(Optional.of("a b=c"), c.bootargs());
        assertEquals(Optional.empty(), Optional.ofNullable(r.places().get("cpus")));
        assertEquals(2, r.places().get("memory")[0]);
    }

    @Test
    void everyProblemIsReportedWithItsLineAndColumn() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.parse("""
                cpus: 0
                gic:
                  its: 3
                colour: blue
                """, ConfigReader.Format.YAML));
        List<String> got = e.problems().stream().map(p -> p.key() + "@" + p.line() + ":" + p.column()).toList();
        assertEquals(List.of("cpus@1:1", "gic.its@3:3", "colour@4:1"), got);
    }

    @Test
    void jsonLinesAreCountedToo() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.parse("{\n  \"cpus\": 2,\n  \"gic\": {\"version\": \"three\"}\n}",
                ConfigReader.Format.JSON));
        assertEquals(3, e.problems().get(0).line());
        assertEquals("gic.version", e.problems().get(0).key());
    }

    @Test
    void deepNestingIsASyntaxErrorNotAStackOverflow() {
        String deep = "{\"gic\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.parse(deep, ConfigReader.Format.JSON));
        assertEquals("gic", e.problems().get(0).key());
        assertTrue(e.problems().stream().anyMatch(p -> p.message().startsWith("syntax error")), e.problems().toString());
    }
}
