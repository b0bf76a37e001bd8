package dev.hwdesc.acpi.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * decode(encode(x)) == x for every fixed layout: random structures, every field the encoder does not
 * derive given a random value (a subtable's type its own), random numbers of repeated elements and
 * subtables of every kind the layout allows, random tails where the layout keeps one, are encoded
 * and decoded again through the same layout, and come back equal, field for field and child for child.
 */
class LayoutRoundTripPropertyTest {

    /** Every table layout hwdesc has; the subtable layouts are reached through their body rules. */
    static final List<Layout> TABLES = List.of(Rsdp.LAYOUT, Xsdt.LAYOUT, Fadt.LAYOUT, Madt.LAYOUT, Gtdt.forRevision(2),
            Gtdt.forRevision(3), Spcr.LAYOUT, Mcfg.LAYOUT, Dbg2.LAYOUT, Iort.LAYOUT, Pptt.LAYOUT, Srat.LAYOUT, Slit.LAYOUT,
            Hmat.LAYOUT, Viot.LAYOUT);

    private static final int MAX_ELEMENTS = 3;

    /** A random structure of {@code layout}, its subtables nested at most {@code depth} deep. */
    static Structure random(Layout layout, Random r, int depth) {
        return random(layout, r, depth, Map.of());
    }

    /** The same with some fields' values given (a subtable's type). */
    static Structure random(Layout layout, Random r, int depth, Map<String, Long> given) {
        Set<String> derived = derivedFields(layout);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : layout.fields()) {
            if (derived.contains(f.name()) || f.kind() == FieldKind.LENGTH || f.kind() == FieldKind.CHECKSUM
                    || f.kind() == FieldKind.RESERVED) {
                continue;
            }
            if (given.containsKey(f.name())) {
                values.put(f.name(), given.get(f.name()));
            } else if (f.numeric()) {
                long v = f.defaultValue() != 0 ? f.defaultValue() : r.nextLong();
                values.put(f.name(), f.width() == 8 ? v : v & ((1L << (8 * f.width())) - 1));
            } else if (f.kind() == FieldKind.ASCII) {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < f.width(); i++) {
                    s.append((char) (0x20 + r.nextInt(0x5f)));
                }
                values.put(f.name(), s.toString());
            } else {
                byte[] b = new byte[f.width()];
                r.nextBytes(b);
                values.put(f.name(), b);
            }
        }
        List<Structure> children = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        boolean toTheEnd = false;
        for (Layout.Body rule : layout.body()) {
            if (rule instanceof Layout.Repeat rep) {
                // Repeats that share a count field (a DBG2 device's registers and their sizes) share the count.
                int n = counts.computeIfAbsent(rep.countField(), k -> depth > 0 ? r.nextInt(MAX_ELEMENTS + 1) : 0);
                for (int i = 0; i < n; i++) {
                    children.add(random(rep.element(), r, depth - 1));
                }
            } else if (rule instanceof Layout.Array a) {
                toTheEnd = true;
                int n = depth > 0 ? r.nextInt(MAX_ELEMENTS + 1) : 0;
                for (int i = 0; i < n; i++) {
                    children.add(random(a.element(), r, depth - 1));
                }
            } else if (rule instanceof Layout.Subtables st) {
                toTheEnd |= st.countField().isEmpty();
                List<Long> types = st.byType().keySet().stream().sorted().toList();
                int n = depth > 0 ? r.nextInt(MAX_ELEMENTS + 1) : 0;
                for (int i = 0; i < n; i++) {
                    long type = types.get(r.nextInt(types.size()));
                    Layout kind = st.byType().get(type);
                    // A subtable's type is its first byte.
                    children.add(random(kind, r, depth - 1, Map.of(kind.fields().get(0).name(), type)));
                }
            }
        }
        byte[] tail = new byte[0];
        boolean keepsTail = layout.tailLength().isPresent()
                || (layout.lengthField().isPresent() && !toTheEnd && layout != Rsdp.LAYOUT);
        if (keepsTail && r.nextBoolean()) {
            tail = new byte[r.nextInt(12)];
            r.nextBytes(tail);
        }
        return new Structure(layout, values, children, tail, false);
    }

    /** The fields the encoder computes from the structure's parts: counts, offsets, tail length and offset. */
    private static Set<String> derivedFields(Layout layout) {
        Set<String> d = new java.util.HashSet<>();
        for (Layout.Body rule : layout.body()) {
            if (rule instanceof Layout.Repeat rep) {
                d.add(rep.countField());
                rep.offsetField().ifPresent(d::add);
            } else if (rule instanceof Layout.Subtables st) {
                st.countField().ifPresent(d::add);
                st.offsetField().ifPresent(d::add);
            }
        }
        layout.tailLength().ifPresent(d::add);
        layout.tailOffset().ifPresent(d::add);
        return d;
    }

    @Test
    void decodingAnEncodedStructureGivesItBack() {
        qt().withFixedSeed(0xacb1_1a70L).withExamples(3000).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            Layout layout = TABLES.get(r.nextInt(TABLES.size()));
            Structure x = random(layout, r, 3);
            byte[] bytes = TableCodec.encode(x);
            Structure back = TableCodec.decode(layout, bytes, layout.name());
            assertFalse(back.verbatim(), layout.name() + ": the decoder could not follow " + x);
            assertEquals(x, back, layout.name());
            assertArrayEquals(bytes, TableCodec.encode(back), layout.name());
        });
    }

    /** The generator reaches every subtable layout and makes children and tails. */
    @Test
    void theGeneratorReachesEveryKindOfSubtable() {
        Set<String> reached = new java.util.TreeSet<>();
        Set<String> expected = new java.util.TreeSet<>();
        for (Layout t : TABLES) {
            collect(t, expected);
        }
        int tails = 0;
        for (long seed = 0; seed < 3000; seed++) {
            Random r = new Random(seed);
            Structure x = random(TABLES.get(r.nextInt(TABLES.size())), r, 3);
            tails += walk(x, reached);
        }
        assertEquals(expected, reached);
        assertFalse(tails == 0, "no structure with a tail");
    }

    private static void collect(Layout l, Set<String> into) {
        if (!into.add(l.name())) {
            return;
        }
        for (Layout.Body rule : l.body()) {
            if (rule instanceof Layout.Repeat rep) {
                collect(rep.element(), into);
            } else if (rule instanceof Layout.Array a) {
                collect(a.element(), into);
            } else if (rule instanceof Layout.Subtables st) {
                st.byType().values().forEach(v -> collect(v, into));
            }
        }
    }

    private static int walk(Structure s, Set<String> reached) {
        reached.add(s.layout().name());
        int tails = s.tail().length > 0 ? 1 : 0;
        for (Structure c : s.children()) {
            tails += walk(c, reached);
        }
        return tails;
    }
}
