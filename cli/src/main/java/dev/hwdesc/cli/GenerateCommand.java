package dev.hwdesc.cli;

import dev.hwdesc.acpi.qemu.AcpiIdentity;
import dev.hwdesc.acpi.qemu.AcpiImage;
import dev.hwdesc.acpi.qemu.QemuVirtTables;
import dev.hwdesc.dts.Diagnostic;
import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.SourcePosition;
import dev.hwdesc.fdt.dtb.DtbEncoder;
import dev.hwdesc.fdt.dtb.DtbWriteOptions;
import dev.hwdesc.fdt.dts.DtsWriter;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.ConfigReader;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.Profile;
import dev.hwdesc.platform.Profiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code hwdesc generate [CONFIG] [flags] [-o DIR]}: a VM's description from a config. */
final class GenerateCommand implements Command {

    static final String DEFAULT_OUT = "out";

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "generate a VM's device tree (DTB and DTS) and ACPI tables from a config or flags";
    }

    @Override
    public String help() {
        return """
                Usage: hwdesc generate [CONFIG] [--cpus N] [--cpu MODEL] [--memory SIZE] [--gic 2|3|4]
                                       [--its|--no-its] [--arch aarch64|aarch32] [--profile NAME]
                                       [--set KEY=VALUE]... [--acpi-base ADDR | --no-acpi]
                                       [--acpi-fw-cfg] [--acpi-qemu-defects] [--acpi-oem-id ID]
                                       [--acpi-oem-table-id ID] [-o DIR]

                Describes a VM as the chosen profile's VMM would (qemu-virt: QEMU 7.2's -machine virt,
                byte for byte) and writes DIR/vm.dtb and DIR/vm.dts (DIR is ./out by default), then
                prints a summary: the memory map by address, the CPUs, the GIC and the console.
                For an AArch64 qemu-virt VM it also writes the ACPI tables of the same machine, as QEMU
                7.2 gives them to its firmware, unlinked (pointer fields 0), as DIR/acpi/SIG.dat: DSDT,
                FACP, APIC, PPTT, GTDT, MCFG, SPCR, DBG2, SRAT, SLIT and HMAT (with NUMA nodes; SLIT with
                distances, HMAT with numa.hmat), IORT, VIOT (with iommu: virtio), XSDT and RSDP. Where QEMU's tables
                contradict its own device tree, they follow the machine: virtio-mmio lines are
                edge-triggered, and without an ITS neither the MADT nor the IORT names one; under GICv2
                without virtualization no GICC names GICH/GICV frames. --acpi-qemu-defects writes
                QEMU's bytes instead. With --acpi-base ADDR the tables are linked for
                loading at guest-physical ADDR: every .dat has its pointers filled in, and
                DIR/acpi/tables.bin holds the whole set as one blob (the RSDP at ADDR, then the tables in
                QEMU's build order, DSDT first, each 8-byte aligned) with DIR/acpi/layout.json giving each
                table's signature, address, offset in the blob and length.

                CONFIG is a YAML or JSON file (JSON when its name ends in .json). Every key is optional;
                an absent key takes the profile's default:
                  profile: qemu-virt        arch: aarch64            cpus: 4
                  cpu: cortex-a57 (cortex-a15 for aarch32)           memory: 2GiB
                  topology: {sockets, clusters, cores, threads}       pmu: true
                  gic: {version: 3, its: true}                       virtio-mmio: 32
                  pcie: true    highmem: true    iommu: none|smmuv3|virtio    iommu-bypass: false
                  psci: {method: hvc|smc|none}  (default: hvc; smc with virtualization; none with secure)
                  secure: false    virtualization: false    firmware: false (true: UEFI, GED power button)
                  bootargs: "console=ttyAMA0"    initrd: {start: 0x48000000, size: 16MiB}
                  random-seeds: false (true: fresh kaslr-seed and rng-seed each run)
                  numa: {nodes: [{cpus: "0-1", memory: 1G}, {memory: 1G, initiator: 0}, ...],
                         distances: [[10, 20], [20, 10]], hmat: false,
                         hmat-lb: [{initiator, target, hierarchy: memory, data-type: access-latency,
                                    latency: NS | bandwidth: BYTES-PER-S}, ...],
                         hmat-cache: [{node-id, size, level, associativity, policy, line}, ...]}
                  memory-hotplug: {slots: 2, max: 8G}
                Sizes take QEMU's units (512M, 1G) or IEC's (512MiB, 2GiB); all are binary.
                Flags override the file, in the order given; --set KEY=VALUE sets any key (gic.version=2).

                  -o, --out DIR       write vm.dtb, vm.dts and acpi/ into DIR (made if missing)
                      --cpus N        number of CPUs
                      --cpu MODEL     CPU model as QEMU's -cpu names it
                      --memory SIZE   RAM size
                      --gic V         GIC version: 2, 3 or 4
                      --its/--no-its  a GICv3 ITS or none
                      --arch A        aarch64 or aarch32
                      --profile NAME  the VMM to describe (qemu-virt)
                      --set KEY=VALUE any config key
                      --acpi-base ADDR  link the ACPI tables for loading at ADDR (decimal or 0x hex,
                                      16-byte aligned) and write acpi/tables.bin and acpi/layout.json
                      --no-acpi       write no ACPI tables
                      --acpi-fw-cfg   also write the tables as QEMU hands them to its firmware through
                                      fw_cfg: acpi/fw_cfg/etc/acpi/tables, .../etc/acpi/rsdp and
                                      .../etc/table-loader (QEMU's linker script); QEMU serves them in
                                      place of its own with the -machine acpi=off -fw_cfg options printed
                      --acpi-qemu-defects  reproduce QEMU 7.2's ACPI defects: its tables byte for byte
                      --acpi-oem-id ID     every table's OEM ID (at most 6 characters; QEMU's: BOCHS),
                                           as QEMU's -machine x-oem-id
                      --acpi-oem-table-id ID  every table's OEM table ID (at most 8; QEMU's: BXPC),
                                           as QEMU's -machine x-oem-table-id
                """;
    }

    @Override
    public int run(List<String> args, Io io) throws CommandException {
        Options defs = new Options();
        defs.addOption(Option.builder("o").longOpt("out").hasArg().build());
        defs.addOption(Option.builder().longOpt("cpus").hasArg().build());
        defs.addOption(Option.builder().longOpt("cpu").hasArg().build());
        defs.addOption(Option.builder().longOpt("memory").hasArg().build());
        defs.addOption(Option.builder().longOpt("gic").hasArg().build());
        defs.addOption(Option.builder().longOpt("its").build());
        defs.addOption(Option.builder().longOpt("no-its").build());
        defs.addOption(Option.builder().longOpt("arch").hasArg().build());
        defs.addOption(Option.builder().longOpt("profile").hasArg().build());
        defs.addOption(Option.builder().longOpt("set").hasArg().build());
        defs.addOption(Option.builder().longOpt("acpi-base").hasArg().build());
        defs.addOption(Option.builder().longOpt("no-acpi").build());
        defs.addOption(Option.builder().longOpt("acpi-qemu-defects").build());
        defs.addOption(Option.builder().longOpt("acpi-fw-cfg").build());
        defs.addOption(Option.builder().longOpt("acpi-oem-id").hasArg().build());
        defs.addOption(Option.builder().longOpt("acpi-oem-table-id").hasArg().build());
        CommandLine cl = Arguments.parse(defs, args);
        if (cl.hasOption("h")) {
            io.out().print(help());
            return ExitCode.OK;
        }
        if (cl.getArgList().size() > 1) {
            throw CommandException.usage("generate takes at most one config file");
        }
        String outDir = cl.getOptionValue("o", DEFAULT_OUT);
        boolean acpi = !cl.hasOption("no-acpi");
        Optional<Long> acpiBase = Optional.empty();
        if (cl.hasOption("acpi-base")) {
            if (!acpi) {
                throw CommandException.usage("--acpi-base and --no-acpi cannot both be given");
            }
            acpiBase = Optional.of(acpiBase(cl.getOptionValue("acpi-base")));
        }
        QemuVirtTables.Options acpiOptions = acpiOptions(cl);
        for (String o : List.of("acpi-qemu-defects", "acpi-oem-id", "acpi-oem-table-id", "acpi-fw-cfg")) {
            if (cl.hasOption(o) && !acpi) {
                throw CommandException.usage("--" + o + " and --no-acpi cannot both be given");
            }
        }
        ConfigReader reader = new ConfigReader();
        String configName = null;
        String configText = "";
        if (!cl.getArgList().isEmpty()) {
            configName = cl.getArgList().get(0);
            configText = new String(InputFile.read(configName, io), StandardCharsets.UTF_8);
            reader.read(configText, ConfigReader.Format.of(configName));
        }
        for (Option opt : cl.getOptions()) {
            String key = switch (opt.getLongOpt() == null ? "" : opt.getLongOpt()) {
                case "cpus", "cpu", "memory", "arch", "profile" -> opt.getLongOpt();
                case "gic" -> "gic.version";
                case "its", "no-its" -> "gic.its";
                case "set" -> "";
                default -> null;
            };
            if (key == null) {
                continue;
            }
            String value = switch (opt.getLongOpt()) {
                case "its" -> "true";
                case "no-its" -> "false";
                default -> opt.getValue();
            };
            reader.override(key.isEmpty() ? value : key + "=" + value);
        }
        Platform platform;
        Profile profile;
        List<ConfigException.Problem> problems = new ArrayList<>(reader.problems());
        MachineConfig config = reader.bestEffort();
        String profileName = config.profile().orElse(Profiles.defaultProfile().name());
        profile = Profiles.byName(profileName).orElse(null);
        if (profile == null) {
            problems.add(new ConfigException.Problem("profile",
                    "unknown profile \"" + profileName + "\" (known: " + String.join(", ", Profiles.names()) + ")"));
            throw problems(new ConfigException(problems).locatedBy(reader.places()), configName, configText);
        }
        try {
            platform = profile.platform(config);
        } catch (ConfigException e) {
            // The profile's checks of what could be read, after the reader's own problems; a key
            // reported already is not reported again.
            List<String> reported = problems.stream().map(ConfigException.Problem::key).toList();
            e.problems().stream().filter(p -> !reported.contains(p.key())).forEach(problems::add);
            platform = null;
        }
        if (!problems.isEmpty()) {
            throw problems(new ConfigException(problems).locatedBy(reader.places()), configName, configText);
        }
        for (String o : List.of("acpi-base", "acpi-fw-cfg")) {
            if (cl.hasOption(o) && !AcpiFiles.has(profile, platform)) {
                throw CommandException.usage("--" + o + ": this machine has no ACPI tables (only an AArch64 qemu-virt has)");
            }
        }
        DeviceTree tree = profile.deviceTree(platform);
        byte[] dtb = DtbEncoder.encode(tree, DtbWriteOptions.DEFAULT, w -> { });
        byte[] dts = DtsWriter.writeBytes(tree);
        try {
            Files.createDirectories(Path.of(outDir));
        } catch (IOException e) {
            throw CommandException.input(outDir, "cannot make the output directory: " + e.getMessage());
        }
        String dtbPath = Path.of(outDir, "vm.dtb").toString();
        String dtsPath = Path.of(outDir, "vm.dts").toString();
        OutputFile.write(dtbPath, dtb, io);
        OutputFile.write(dtsPath, dts, io);
        List<String> tables = acpi ? AcpiFiles.write(outDir, profile, config, platform,
                new AcpiFiles.Request(acpiOptions, acpiBase, cl.hasOption("acpi-fw-cfg")), io) : List.of();
        io.out().print(PlatformSummary.of(profile.name(), platform));
        io.out().printf("wrote %s (%d bytes) and %s%n", dtbPath, dtb.length, dtsPath);
        if (!tables.isEmpty()) {
            io.out().printf("wrote %d ACPI tables to %s: %s%n", tables.size(), Path.of(outDir, "acpi"), String.join(" ", tables));
            acpiBase.ifPresent(b -> io.out().printf("wrote %s and %s, linked at 0x%x%n",
                    Path.of(outDir, "acpi", AcpiFiles.BLOB), Path.of(outDir, "acpi", AcpiFiles.LAYOUT), b));
            if (cl.hasOption("acpi-fw-cfg")) {
                io.out().printf("wrote QEMU's fw_cfg files to %s; QEMU takes them with: %s%n",
                        Path.of(outDir, "acpi", AcpiFiles.FW_CFG_DIR), AcpiFiles.qemuFwCfgOptions(outDir));
            }
        }
        return ExitCode.OK;
    }

    /** The ACPI options the command line chose: QEMU's defects or not, and the OEM IDs. */
    static QemuVirtTables.Options acpiOptions(CommandLine cl) throws CommandException {
        QemuVirtTables.Options o = cl.hasOption("acpi-qemu-defects")
                ? QemuVirtTables.Options.qemu72() : QemuVirtTables.Options.defaults();
        AcpiIdentity id = o.identity();
        String oemId = cl.getOptionValue("acpi-oem-id", id.oemId());
        String oemTableId = cl.getOptionValue("acpi-oem-table-id", id.oemTableId());
        try {
            id = new AcpiIdentity(oemId, id.oemTableId(), id.oemRevision(), id.creatorId(), id.creatorRevision());
        } catch (IllegalArgumentException e) {
            throw CommandException.usage("--acpi-oem-id: " + e.getMessage());
        }
        try {
            id = new AcpiIdentity(id.oemId(), oemTableId, id.oemRevision(), id.creatorId(), id.creatorRevision());
        } catch (IllegalArgumentException e) {
            throw CommandException.usage("--acpi-oem-table-id: " + e.getMessage());
        }
        return o.withIdentity(id);
    }

    /** The --acpi-base value: decimal or 0x hex, unsigned 64-bit, 16-byte aligned. */
    static long acpiBase(String text) throws CommandException {
        long value = AddressOption.parse("--acpi-base", text);
        if (value % AcpiImage.RSDP_ALIGNMENT != 0) {
            throw CommandException.usage(String.format("--acpi-base: 0x%x is not %d-byte aligned (the RSDP goes there)",
                    value, AcpiImage.RSDP_ALIGNMENT));
        }
        if (Long.compareUnsigned(value, MAX_ACPI_BASE) > 0) {
            throw CommandException.usage(String.format("--acpi-base: 0x%x leaves no room for the tables below 2^64", value));
        }
        return value;
    }

    /** The tables must fit below 2^64; a base above this leaves less than 16 MiB. */
    private static final long MAX_ACPI_BASE = -(16L << 20);

    /** Every problem, as FILE:LINE:COL with the line and a caret where the key is in the file. */
    private static CommandException problems(ConfigException e, String file, String text) {
        List<String> formatted = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        List<ConfigException.Problem> byPlace = new ArrayList<>(e.problems());
        // In file order; problems without a place (flags, whole-config checks) last.
        byPlace.sort(java.util.Comparator.comparingInt((ConfigException.Problem p) -> p.hasLine() ? p.line() : Integer.MAX_VALUE)
                .thenComparingInt(ConfigException.Problem::column));
        for (ConfigException.Problem p : byPlace) {
            String what = p.key().isEmpty() ? p.message() : p.key() + ": " + p.message();
            if (file != null && p.hasLine()) {
                // The compiler's diagnostic format: FILE:LINE:COL, the line, a caret under the key.
                Optional<String> line = p.line() <= lines.length ? Optional.of(lines[p.line() - 1]) : Optional.empty();
                formatted.add(new Diagnostic(new SourcePosition(file, p.line(), p.column(), p.line(), p.column()), what, line,
                        p.column(), 1).format());
            } else {
                formatted.add("error: " + what + "\n");
            }
        }
        return CommandException.source(formatted);
    }
}
