package dev.hwdesc.vectors.acpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hwdesc.vectors.Hwdesc;
import dev.hwdesc.vectors.ReferenceTool;
import dev.hwdesc.vectors.TestVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hwdesc acpi}: QEMU 7.2's own tables printed field by field, as text and as JSON. */
class AcpiCommandTest {

    @TempDir
    Path tmp;

    private static Path vector(String name) {
        return TestVectors.data().resolve("qemu-acpi/v7.2.0").resolve(name);
    }

    private static String field(String text, String name) {
        Matcher m = Pattern.compile("^\\[[^]]*\\] +" + Pattern.quote(name) + " : (\\S+)", Pattern.MULTILINE).matcher(text);
        assertTrue(m.find(), name + " in\n" + text);
        return m.group(1);
    }

    @Test
    void qemusMadtByFieldName() {
        ReferenceTool.Result r = Hwdesc.run(List.of("acpi", vector("APIC").toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        String out = r.stdoutText();
        assertTrue(out.contains("APIC, 172 bytes"), out);
        assertEquals("\"APIC\"", field(out, "Signature"));
        assertEquals("000000AC", field(out, "Length"));
        assertEquals("\"BOCHS", field(out, "OEM ID"));
        assertTrue(out.contains("; GIC Distributor (GICD)"), out);
        assertTrue(out.contains("; GIC CPU Interface (GICC)"), out);
        assertEquals("0000000008000000", field(out, "Physical Base Address"), "GICD base");
        assertEquals("02", field(out, "GIC Version"));
        assertEquals("00000017", field(out, "Performance Interrupt GSIV"));
    }

    @Test
    void everyVectorTableDumpsWithItsSubtables() {
        for (String sig : List.of("FACP", "GTDT", "MCFG", "SPCR", "DBG2", "IORT", "PPTT")) {
            ReferenceTool.Result r = Hwdesc.run(List.of("acpi", vector(sig).toString()));
            assertEquals(0, r.exitCode(), sig + ": " + r.stderr());
            assertEquals("\"" + sig + "\"", field(r.stdoutText(), "Signature"));
        }
        String iort = Hwdesc.run(List.of("acpi", vector("IORT").toString())).stdoutText();
        assertTrue(iort.contains("; ITS group") && iort.contains("; PCI root complex"), iort);
        String fadt = Hwdesc.run(List.of("acpi", vector("FACP").toString())).stdoutText();
        assertEquals("0003", field(fadt, "ARM_BOOT_ARCH"));
    }

    @Test
    void theDsdtIsItsHeaderAndSize() throws IOException {
        ReferenceTool.Result r = Hwdesc.run(List.of("acpi", vector("DSDT").toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        long size = Files.size(vector("DSDT"));
        assertTrue(r.stdoutText().contains((size - 36) + " bytes, not decoded"), r.stdoutText());
        assertTrue(r.stdoutText().lines().count() < 20, r.stdoutText());
    }

    @Test
    void jsonParsesAndNamesTheSameFields() throws IOException {
        ReferenceTool.Result r = Hwdesc.run(List.of("acpi", "--format", "json", vector("APIC").toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> names = new ArrayList<>();
        List<String> path = new ArrayList<>();
        long gicdBase = -1;
        long gicVersion = -1;
        try (JsonParser p = new JsonFactory().createParser(r.stdout())) {
            JsonToken t;
            String last = null;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    last = p.currentName();
                } else if (t == JsonToken.VALUE_STRING && "name".equals(last)) {
                    names.add(p.getText());
                    path.add(p.getText());
                } else if (t == JsonToken.VALUE_NUMBER_INT && "GIC Version".equals(last)) {
                    gicVersion = p.getLongValue();
                } else if (t == JsonToken.VALUE_NUMBER_INT && "Physical Base Address".equals(last)
                        && path.get(path.size() - 1).contains("GICD")) {
                    gicdBase = p.getLongValue();
                }
            }
        }
        assertEquals("MADT", names.get(0));
        assertTrue(names.contains("GIC Distributor (GICD)"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.contains("GICC")), names.toString());
        assertEquals(0x08000000L, gicdBase);
        assertEquals(2, gicVersion);
    }

    /**
     * QEMU's own fw_cfg etc/acpi/tables (the tables back to back, checksums left 0 for the firmware):
     * every table at its offset, in order, each checksum reported, so exit 1.
     */
    @Test
    void qemusFwCfgTablesFileTableByTable() throws IOException {
        Path dir = QemuAcpiVectors.dir().resolveSibling("fwcfg-7.2-oem").resolve("gicv3-oem-smp2");
        java.io.ByteArrayOutputStream blob = new java.io.ByteArrayOutputStream();
        List<String> expected = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("offsets.txt"))) {
            String[] f = line.split(" ");
            blob.writeBytes(Files.readAllBytes(dir.resolve(f[0])));
            expected.add(f[0] + "@" + Long.decode(f[1]));
        }
        Path file = Files.write(tmp.resolve("tables"), blob.toByteArray());
        ReferenceTool.Result r = Hwdesc.run(List.of("acpi", "--format", "json", file.toString()));
        assertEquals(1, r.exitCode(), r.stderr());
        assertEquals(expected.size(), r.stderr().lines().filter(l -> l.contains("the checksum does not sum")).count());
        // Each table's object starts "file", "offset", "signature" (no address: the file is not linked).
        Matcher m = Pattern.compile("\"offset\" : (\\d+),\\s*\"signature\" : \"(\\w+)\"").matcher(r.stdoutText());
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            seen.add(m.group(2) + "@" + m.group(1));
        }
        assertEquals(expected, seen);
    }

    @Test
    void aTruncatedTableIsAnErrorAtItsOffset() throws IOException {
        byte[] apic = Files.readAllBytes(vector("APIC"));
        Path cut = tmp.resolve("APIC.dat");
        Files.write(cut, Arrays.copyOf(apic, 100));
        ReferenceTool.Result r = Hwdesc.run(List.of("acpi", cut.toString()));
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().matches("hwdesc: " + Pattern.quote(cut.toString()) + ": offset 0x[0-9a-f]+: error: APIC: .*\\n"),
                r.stderr());
        assertEquals("", r.stdoutText());
        Files.write(cut, Arrays.copyOf(apic, 20));
        ReferenceTool.Result tiny = Hwdesc.run(List.of("acpi", cut.toString()));
        assertEquals(2, tiny.exitCode());
        assertTrue(tiny.stderr().startsWith("hwdesc: " + cut + ": offset 0x14: error: "), tiny.stderr());
    }

    @Test
    void aWrongChecksumIsAFinding() throws IOException {
        byte[] apic = Files.readAllBytes(vector("APIC"));
        apic[9]++;
        Path bad = tmp.resolve("APIC.dat");
        Files.write(bad, apic);
        ReferenceTool.Result r = Hwdesc.run(List.of("acpi", bad.toString()));
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("offset 0x0: warning: APIC: the checksum"), r.stderr());
        assertTrue(r.stdoutText().contains("checksum wrong"), r.stdoutText());
    }

    @Test
    void aDirectoryListsEveryTableAndTheBlobTheSameTables() {
        Path out = tmp.resolve("vm");
        assertEquals(0, Hwdesc.run(List.of("generate", "-o", out.toString(), "--acpi-base", "0x40000000")).exitCode());
        ReferenceTool.Result dir = Hwdesc.run(List.of("acpi", out.resolve("acpi").toString()));
        assertEquals(0, dir.exitCode(), dir.stderr());
        List<String> sigs = signatures(dir.stdoutText());
        assertEquals(List.of("APIC", "DBG2", "DSDT", "FACP", "GTDT", "IORT", "MCFG", "PPTT", "RSDP", "SPCR", "XSDT"), sigs);

        ReferenceTool.Result blob = Hwdesc.run(List.of("acpi", out.resolve("acpi/tables.bin").toString()));
        assertEquals(0, blob.exitCode(), blob.stderr());
        List<String> fromBlob = new ArrayList<>(signatures(blob.stdoutText()));
        assertEquals(List.of("RSDP", "XSDT", "FACP", "DSDT", "APIC", "PPTT", "GTDT", "MCFG", "SPCR", "DBG2", "IORT"), fromBlob);
        assertTrue(blob.stdoutText().contains("XSDT, 100 bytes at offset 0x"), blob.stdoutText());
    }

    @Test
    void aBlobPointerOutsideTheBlobIsAnError() throws IOException {
        Path out = tmp.resolve("vm");
        assertEquals(0, Hwdesc.run(List.of("generate", "-o", out.toString(), "--acpi-base", "0x40000000")).exitCode());
        Path blob = out.resolve("acpi/tables.bin");
        ReferenceTool.Result wrongBase = Hwdesc.run(List.of("acpi", "--base", "0x50000000", blob.toString()));
        assertEquals(2, wrongBase.exitCode());
        assertTrue(wrongBase.stderr().startsWith("hwdesc: " + blob + ": offset 0x18: error: "), wrongBase.stderr());
        ReferenceTool.Result badFlag = Hwdesc.run(List.of("acpi", "--base", "x", blob.toString()));
        assertEquals(2, badFlag.exitCode());
        assertTrue(badFlag.stderr().startsWith("hwdesc: error: --base: "), badFlag.stderr());
    }

    @Test
    void helpAndBadUsage() {
        ReferenceTool.Result help = Hwdesc.run(List.of("help", "acpi"));
        assertEquals(0, help.exitCode());
        assertTrue(help.stdoutText().startsWith("Usage: hwdesc acpi FILE|DIR"), help.stdoutText());
        assertTrue(Hwdesc.run(List.of("--help")).stdoutText().contains("acpi "));
        assertEquals(2, Hwdesc.run(List.of("acpi")).exitCode());
        ReferenceTool.Result fmt = Hwdesc.run(List.of("acpi", "--format", "xml", vector("APIC").toString()));
        assertEquals(2, fmt.exitCode());
        assertTrue(fmt.stderr().contains("--format"), fmt.stderr());
        ReferenceTool.Result empty = Hwdesc.run(List.of("acpi", tmp.toString()));
        assertEquals(2, empty.exitCode());
        assertFalse(empty.stderr().isEmpty());
    }

    private static List<String> signatures(String text) {
        List<String> s = new ArrayList<>();
        Matcher m = Pattern.compile("^; \\S+: (\\S{4}), ", Pattern.MULTILINE).matcher(text);
        while (m.find()) {
            s.add(m.group(1));
        }
        return s;
    }
}
