package dev.hwdesc.cli;

import dev.hwdesc.acpi.table.AcpiFormatException;
import dev.hwdesc.acpi.table.Rsdp;
import dev.hwdesc.acpi.table.Structure;
import dev.hwdesc.acpi.table.TableBlob;
import dev.hwdesc.acpi.table.TableCodec;
import dev.hwdesc.acpi.table.TableDumper;
import dev.hwdesc.acpi.table.TableLayouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code hwdesc acpi FILE|DIR [--format text|json]}: the ACPI tables in a file, field by field. */
final class AcpiCommand implements Command {

    /** Tables whose body is AML, shown as header and size until AML is decoded. */
    private static final List<String> AML_TABLES = List.of("DSDT", "SSDT");

    @Override
    public String name() {
        return "acpi";
    }

    @Override
    public String summary() {
        return "print ACPI tables (a .dat file, a directory of them, or a tables.bin blob) field by field";
    }

    @Override
    public String help() {
        return """
                Usage: hwdesc acpi FILE|DIR [--format text|json] [--base ADDR]

                Prints every ACPI table it reads, each field by name with its offset, width, value and
                meaning, then each subtable (MADT GICC, PPTT nodes, IORT nodes ...), driven by the same
                layouts that encode and decode the tables. A table hwdesc has no layout for shows its
                header and its body in hex; a DSDT or SSDT shows its header and the size of its AML.

                FILE is one table (a .dat file as generate writes it, or any table dumped from a VM),
                or a blob of tables as generate --acpi-base writes to acpi/tables.bin: the RSDP first,
                followed through its pointers (XSDT, each table the XSDT lists, the DSDT the FADT names),
                or tables back to back as in QEMU's fw_cfg file etc/acpi/tables (generate --acpi-fw-cfg
                writes it; there every checksum is left 0 for the firmware to compute).
                DIR is a directory of tables: every *.dat file in it, by name.

                A checksum that does not sum its table to 0 is reported on stderr, and the exit status
                is then 1.

                  --format F   text (the default) or json: {"tables": [{"file", "offset", "signature",
                               "length", "checksum-ok", "structure": {"name", "offset", "fields",
                               "subtables", "raw"}}]}
                  --base ADDR  the blob's load address (decimal or 0x hex); by default the one that puts
                               the RSDP's XSDT address on the blob's XSDT
                """;
    }

    /** One table read, with where it came from. */
    private record Table(String file, int offset, Optional<Long> address, byte[] bytes, Structure structure) {
        String signature() {
            return structure.layout() == Rsdp.LAYOUT ? "RSDP" : structure.text("Signature");
        }

        boolean checksumOk() {
            if (structure.layout() == Rsdp.LAYOUT) {
                return TableCodec.sum(bytes, 0, 20) == 0 && TableCodec.sum(bytes, 0, bytes.length) == 0;
            }
            return TableCodec.sum(bytes, 0, bytes.length) == 0;
        }

        TableDumper.Tail tailMode() {
            return AML_TABLES.contains(signature()) ? TableDumper.Tail.SIZE : TableDumper.Tail.HEX;
        }
    }

    @Override
    public int run(List<String> args, Io io) throws CommandException {
        Options defs = new Options();
        defs.addOption(Option.builder().longOpt("format").hasArg().build());
        defs.addOption(Option.builder().longOpt("base").hasArg().build());
        CommandLine cl = Arguments.parse(defs, args);
        if (cl.hasOption("h")) {
            io.out().print(help());
            return ExitCode.OK;
        }
        if (cl.getArgList().size() != 1) {
            throw CommandException.usage("acpi takes one FILE or DIR");
        }
        String format = cl.getOptionValue("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw CommandException.usage("--format: \"" + format + "\" is not text or json");
        }
        Optional<Long> base = cl.hasOption("base") ? Optional.of(AddressOption.parse("--base", cl.getOptionValue("base")))
                : Optional.empty();
        String arg = cl.getArgList().get(0);
        List<Table> tables = new ArrayList<>();
        if (!arg.equals("-") && Files.isDirectory(Path.of(arg))) {
            List<Path> files;
            try (Stream<Path> s = Files.list(Path.of(arg))) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".dat") && Files.isRegularFile(p)).sorted().toList();
            } catch (IOException e) {
                throw CommandException.input(arg, "cannot list: " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw CommandException.input(arg, "no .dat files in the directory");
            }
            for (Path f : files) {
                read(f.toString(), base, io, tables);
            }
        } else {
            read(arg, base, io, tables);
        }
        int code = ExitCode.OK;
        for (Table t : tables) {
            if (!t.checksumOk()) {
                io.err().printf("hwdesc: %s: offset 0x%x: warning: %s: the checksum does not sum the table to 0%n",
                        InputFile.displayName(t.file()), t.offset(), t.signature());
                code = ExitCode.FINDINGS;
            }
        }
        byte[] out = format.equals("json") ? json(tables) : text(tables).getBytes(StandardCharsets.UTF_8);
        io.out().write(out, 0, out.length);
        io.out().flush();
        return code;
    }

    private static void read(String file, Optional<Long> base, Io io, List<Table> into) throws CommandException {
        byte[] bytes = InputFile.read(file, io);
        String shown = InputFile.displayName(file);
        int offset = 0;
        try {
            if (TableBlob.isBlob(bytes)) {
                for (TableBlob.Found f : TableBlob.read(bytes, base)) {
                    offset = f.offset();
                    into.add(new Table(file, f.offset(), Optional.of(f.address()), f.bytes(), TableLayouts.decode(f.bytes())));
                }
            } else {
                for (TableBlob.Span t : TableBlob.backToBack(bytes)) {
                    offset = t.offset();
                    byte[] table = java.util.Arrays.copyOfRange(bytes, t.offset(), t.offset() + t.length());
                    into.add(new Table(file, t.offset(), Optional.empty(), table, TableLayouts.decode(table)));
                }
            }
        } catch (AcpiFormatException e) {
            AcpiFormatException at = offset == 0 ? e : new AcpiFormatException(e.table(), e.offset() + offset, e.problem());
            throw CommandException.binary(shown, at.describe(), e);
        }
    }

    private static String text(List<Table> tables) {
        StringBuilder sb = new StringBuilder();
        for (Table t : tables) {
            sb.append(String.format("; %s: %s, %d bytes", InputFile.displayName(t.file()), t.signature(), t.bytes().length));
            t.address().ifPresent(a -> sb.append(String.format(" at offset 0x%x (address 0x%x)", t.offset(), a)));
            if (t.address().isEmpty() && t.offset() > 0) {
                sb.append(String.format(" at offset 0x%x", t.offset()));
            }
            sb.append(t.checksumOk() ? "" : ", checksum wrong").append("\n\n");
            sb.append(TableDumper.dump(t.structure(), t.bytes(), t.tailMode())).append('\n');
        }
        return sb.toString();
    }

    private static byte[] json(List<Table> tables) {
        return JsonOutput.of(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("tables");
            for (Table t : tables) {
                g.writeStartObject();
                g.writeStringField("file", InputFile.displayName(t.file()));
                g.writeNumberField("offset", t.offset());
                if (t.address().isPresent()) {
                    JsonOutput.unsignedField(g, "address", t.address().get());
                }
                g.writeStringField("signature", t.signature());
                g.writeNumberField("length", t.bytes().length);
                g.writeBooleanField("checksum-ok", t.checksumOk());
                g.writeFieldName("structure");
                TableDumper.walk(t.structure(), t.bytes(), new TableJson(g, t.tailMode()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
