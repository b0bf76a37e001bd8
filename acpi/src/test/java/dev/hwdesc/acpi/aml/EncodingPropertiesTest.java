package dev.hwdesc.acpi.aml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * PkgLength and integer constants against decoders written here from the spec's grammar: what is
 * encoded reads back, and no shorter form would have held it.
 */
class EncodingPropertiesTest {

    /** Lengths spread over all four widths, the thresholds and their neighbours weighted in. */
    private static Gen<Integer> bodyLengths() {
        return SourceDSL.integers().between(0, PkgLength.MAX - 4)
                .mix(SourceDSL.integers().between(0, 70), 30)
                .mix(SourceDSL.integers().between(4080, 4100), 20)
                .mix(SourceDSL.integers().between(0xFFFF0, 0x100010), 20);
    }

    @Test
    void pkgLengthReadsBackAsBodyPlusItselfInTheShortestWidth() {
        qt().withFixedSeed(0xA41_0001L).withExamples(3000).forAll(bodyLengths()).checkAssert(body -> {
            byte[] enc = PkgLength.encode(body);
            int width = (enc[0] & 0xFF) >>> 6;
            assertEquals(width + 1, enc.length);
            assertEquals(body + enc.length, decodePkgLength(enc));
            if (enc.length > 1) {
                assertEquals(0, enc[0] & 0x30, "bits 5-4 of a multi-byte lead byte are zero");
                assertTrue(body + enc.length - 1 > maxOf(enc.length - 1), "a shorter PkgLength would have held it");
            }
        });
    }

    @Test
    void integersReadBackInTheShortestForm() {
        qt().withFixedSeed(0xA41_0002L).withExamples(3000)
                .forAll(SourceDSL.longs().all()
                        .mix(SourceDSL.longs().between(-2, 0x101), 30)
                        .mix(SourceDSL.longs().between(0xFFF0, 0x10010), 20)
                        .mix(SourceDSL.longs().between(0xFFFFFFF0L, 0x100000010L), 20))
                .checkAssert(v -> {
                    byte[] enc = AmlInteger.of(v).toBytes();
                    assertEquals(v, decodeInteger(enc));
                    int expectedLength = v == 0 || v == 1 || v == -1 ? 1
                            : Long.compareUnsigned(v, 0x100) < 0 ? 2
                            : Long.compareUnsigned(v, 0x10000) < 0 ? 3
                            : Long.compareUnsigned(v, 0x100000000L) < 0 ? 5 : 9;
                    assertEquals(expectedLength, enc.length);
                });
    }

    private static int maxOf(int width) {
        return width == 1 ? 0x3F : (1 << (4 + 8 * (width - 1))) - 1;
    }

    /** ACPI 6.4 section 20.2.4: PkgLeadByte and up to three more bytes. */
    private static int decodePkgLength(byte[] b) {
        int follow = (b[0] & 0xFF) >>> 6;
        if (follow == 0) {
            return b[0] & 0x3F;
        }
        int v = b[0] & 0x0F;
        for (int i = 1; i <= follow; i++) {
            v |= (b[i] & 0xFF) << (4 + 8 * (i - 1));
        }
        return v;
    }

    /** ACPI 6.4 section 20.2.3: ComputationalData's integer forms. */
    private static long decodeInteger(byte[] b) {
        int op = b[0] & 0xFF;
        int n = switch (op) {
            case 0x00 -> -1;
            case 0x01 -> -2;
            case 0xFF -> -3;
            case 0x0A -> 1;
            case 0x0B -> 2;
            case 0x0C -> 4;
            case 0x0E -> 8;
            default -> throw new AssertionError("not an integer opcode: " + op);
        };
        if (n == -1) {
            return 0;
        }
        if (n == -2) {
            return 1;
        }
        if (n == -3) {
            return -1;
        }
        assertEquals(n + 1, b.length);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) (b[1 + i] & 0xFF) << (8 * i);
        }
        return v;
    }
}
