package dev.hwdesc.vectors.acpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hwdesc.acpi.table.Fadt;
import dev.hwdesc.acpi.table.Rsdp;
import dev.hwdesc.acpi.table.Structure;
import dev.hwdesc.acpi.table.TableCodec;
import dev.hwdesc.acpi.table.TableLayouts;
import dev.hwdesc.vectors.Hwdesc;
import dev.hwdesc.vectors.ReferenceTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hwdesc generate --acpi-base ADDR} writes the linked tables as one blob and its layout. */
class GenerateAcpiLoadTest {

    @TempDir
    Path tmp;

    /** One row of layout.json. */
    record Placed(String signature, long address, int offset, int length) {
    }

    private static Map<String, Placed> layout(Path json, long[] baseAndSize) throws IOException {
        Map<String, Placed> rows = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "base" -> baseAndSize[0] = p.getLongValue();
                    case "size" -> baseAndSize[1] = p.getLongValue();
                    case "tables" -> {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            Map<String, String> row = new LinkedHashMap<>();
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String key = p.currentName();
                                p.nextToken();
                                row.put(key, p.getText());
                            }
                            rows.put(row.get("signature"), new Placed(row.get("signature"), Long.parseLong(row.get("address")),
                                    Integer.parseInt(row.get("offset")), Integer.parseInt(row.get("length"))));
                        }
                    }
                    default -> throw new AssertionError("unexpected key " + name);
                }
            }
        }
        return rows;
    }

    private static byte[] slice(byte[] blob, Placed p) {
        return Arrays.copyOfRange(blob, p.offset(), p.offset() + p.length());
    }

    @Test
    void everyPointerResolvesToItsTable() throws IOException {
        long base = 0x4000_0000L;
        Path out = tmp.resolve("out");
        ReferenceTool.Result r = Hwdesc.run(List.of("generate", "-o", out.toString(), "--cpus", "8",
                "--set", "iommu=smmuv3", "--acpi-base", "0x40000000"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdoutText().contains("linked at 0x40000000"), r.stdoutText());
        byte[] blob = Files.readAllBytes(out.resolve("acpi/tables.bin"));
        long[] bs = new long[2];
        Map<String, Placed> layout = layout(out.resolve("acpi/layout.json"), bs);
        assertEquals(base, bs[0]);
        assertEquals(blob.length, bs[1]);
        assertEquals(List.of("RSDP", "DSDT", "FACP", "APIC", "PPTT", "GTDT", "MCFG", "SPCR", "DBG2", "IORT", "XSDT"),
                new ArrayList<>(layout.keySet()), "QEMU's build order after the RSDP");

        // Every table: at base + offset, aligned, its own length, a valid checksum, and the same bytes as its .dat.
        int end = 0;
        for (Placed p : layout.values()) {
            assertEquals(base + p.offset(), p.address(), p.signature());
            assertEquals(0, p.offset() % (p.signature().equals("RSDP") ? 16 : 8), p.signature() + " alignment");
            assertTrue(p.offset() >= end, p.signature() + " overlaps the table before it");
            end = p.offset() + p.length();
            byte[] table = slice(blob, p);
            Structure s = TableLayouts.decode(table);
            if (p.signature().equals("RSDP")) {
                assertEquals(0, TableCodec.sum(table, 0, 20), "RSDP checksum");
                assertEquals(0, TableCodec.sum(table, 0, table.length), "RSDP extended checksum");
            } else {
                assertEquals(p.signature(), s.text("Signature"));
                assertEquals(0, TableCodec.sum(table, 0, table.length), p.signature() + " checksum");
            }
            String file = p.signature() + ".dat";
            assertArrayEquals(Files.readAllBytes(out.resolve("acpi").resolve(file)), table, file + " = the blob's " + p.signature());
        }
        assertEquals(blob.length, end);

        // The pointers: RSDP -> XSDT, XSDT -> every table but the DSDT and the RSDP, FADT -> DSDT.
        Structure rsdp = TableLayouts.decode(slice(blob, layout.get("RSDP")));
        assertEquals(base + layout.get("XSDT").offset(), rsdp.number("XSDT Address"));
        Structure xsdt = TableLayouts.decode(slice(blob, layout.get("XSDT")));
        List<String> listed = new ArrayList<>();
        for (Structure entry : xsdt.children()) {
            int offset = (int) (entry.number("Address") - base);
            listed.add(new String(blob, offset, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
            assertEquals(layout.get(listed.get(listed.size() - 1)).address(), entry.number("Address"));
        }
        assertEquals(List.of("FACP", "APIC", "PPTT", "GTDT", "MCFG", "SPCR", "DBG2", "IORT"), listed);
        Structure fadt = TableLayouts.decode(slice(blob, layout.get("FACP")));
        assertEquals(layout.get("DSDT").address(), fadt.number(Fadt.X_DSDT));
        assertEquals(0, rsdp.number("RSDT Address"));
        assertEquals(Rsdp.SIGNATURE_TEXT, rsdp.text("Signature"));
    }

    @Test
    void withoutABaseThePointersStayZeroAndThereIsNoBlob() throws IOException {
        Path out = tmp.resolve("plain");
        ReferenceTool.Result r = Hwdesc.run(List.of("generate", "-o", out.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(Files.exists(out.resolve("acpi/tables.bin")));
        assertFalse(Files.exists(out.resolve("acpi/layout.json")));
        Structure rsdp = TableLayouts.decode(Files.readAllBytes(out.resolve("acpi/RSDP.dat")));
        assertEquals(0, rsdp.number("XSDT Address"));
        Structure fadt = TableLayouts.decode(Files.readAllBytes(out.resolve("acpi/FACP.dat")));
        assertEquals(0, fadt.number(Fadt.X_DSDT));
    }

    @Test
    void decimalBaseIsTheSameAsHex() throws IOException {
        Path hex = tmp.resolve("hex");
        Path dec = tmp.resolve("dec");
        assertEquals(0, Hwdesc.run(List.of("generate", "-o", hex.toString(), "--acpi-base", "0x48000000")).exitCode());
        assertEquals(0, Hwdesc.run(List.of("generate", "-o", dec.toString(), "--acpi-base", "1207959552")).exitCode());
        assertArrayEquals(Files.readAllBytes(hex.resolve("acpi/tables.bin")), Files.readAllBytes(dec.resolve("acpi/tables.bin")));
    }

    @Test
    void noAcpiWritesNoAcpiDirectory() {
        Path out = tmp.resolve("none");
        ReferenceTool.Result r = Hwdesc.run(List.of("generate", "-o", out.toString(), "--no-acpi"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(Files.exists(out.resolve("vm.dtb")));
        assertFalse(Files.exists(out.resolve("acpi")));
        assertFalse(r.stdoutText().contains("ACPI"), r.stdoutText());
    }

    @Test
    void badBasesAreUsageErrorsNamingTheFlag() {
        for (String bad : List.of("banana", "0x", "-16", "0x40000008", "0xfffffffffffffff0", "0x1ffffffffffffffff", "")) {
            ReferenceTool.Result r = Hwdesc.run(List.of("generate", "-o", tmp.resolve("bad").toString(), "--acpi-base", bad));
            assertEquals(2, r.exitCode(), bad);
            assertTrue(r.stderr().startsWith("hwdesc: error: --acpi-base: "), bad + ": " + r.stderr());
            assertFalse(Files.exists(tmp.resolve("bad")), bad + " wrote output");
        }
        ReferenceTool.Result both = Hwdesc.run(List.of("generate", "-o", tmp.resolve("bad").toString(),
                "--acpi-base", "0x40000000", "--no-acpi"));
        assertEquals(2, both.exitCode());
        assertTrue(both.stderr().contains("--acpi-base"), both.stderr());
        ReferenceTool.Result a32 = Hwdesc.run(List.of("generate", "-o", tmp.resolve("bad").toString(),
                "--arch", "aarch32", "--gic", "2", "--acpi-base", "0x40000000"));
        assertEquals(2, a32.exitCode());
        assertTrue(a32.stderr().startsWith("hwdesc: error: --acpi-base: "), a32.stderr());
        assertFalse(Files.exists(tmp.resolve("bad")));
    }
}
