package dev.hwdesc.fdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyValueInsertTest {

    @Test
    void insertsAtTheMarkerAndShiftsOnlyLaterMarkers() {
        PropertyValue v = PropertyValue.builder().marker(new Marker.PathRef(0, "a")).string("s")
                .marker(new Marker.PathRef(2, "b")).build();
        PropertyValue w = v.withBytesInsertedAtMarker(0, new byte[] {'/', 'a', 0});
        assertArrayEquals(new byte[] {'/', 'a', 0, 's', 0}, w.toByteArray());
        assertEquals(List.of(new Marker.PathRef(0, "a"), new Marker.Chunk(3, ValueType.STRING),
                new Marker.PathRef(5, "b")), w.markers());
    }

    @Test
    void aMarkerEarlierInTheListAtTheSameOffsetStays() {
        PropertyValue v = PropertyValue.builder().chunk(ValueType.STRING).marker(new Marker.PathRef(0, "x"))
                .marker(new Marker.ValueLabel(0, "l")).build();
        PropertyValue w = v.withBytesInsertedAtMarker(1, new byte[] {'/', 0});
        assertEquals(List.of(new Marker.Chunk(0, ValueType.STRING), new Marker.PathRef(0, "x"),
                new Marker.ValueLabel(2, "l")), w.markers());
    }

    /** For any value and marker, the result is the bytes before, the insert, the bytes after; markers stay ordered. */
    @Test
    void spliceProperty() {
        qt().withFixedSeed(20261125L).forAll(integers().between(0, 40), integers().between(0, 5),
                integers().between(0, 10), integers().between(0, 1000)).checkAssert((len, nMarkers, insertLen, seed) -> {
                    java.util.Random r = new java.util.Random(seed);
                    byte[] bytes = new byte[len];
                    r.nextBytes(bytes);
                    List<Marker> markers = new ArrayList<>();
                    int[] offsets = new int[nMarkers + 1];
                    for (int i = 0; i <= nMarkers; i++) {
                        offsets[i] = r.nextInt(len + 1);
                    }
                    Arrays.sort(offsets);
                    for (int off : offsets) {
                        markers.add(new Marker.PathRef(off, "t" + off));
                    }
                    PropertyValue v = PropertyValue.of(bytes, markers);
                    int k = r.nextInt(markers.size());
                    byte[] insert = new byte[insertLen];
                    r.nextBytes(insert);
                    PropertyValue w = v.withBytesInsertedAtMarker(k, insert);
                    int at = markers.get(k).offset();
                    byte[] expected = new byte[len + insertLen];
                    System.arraycopy(bytes, 0, expected, 0, at);
                    System.arraycopy(insert, 0, expected, at, insertLen);
                    System.arraycopy(bytes, at, expected, at + insertLen, len - at);
                    assertArrayEquals(expected, w.toByteArray());
                    for (int i = 0; i < markers.size(); i++) {
                        int shift = i > k ? insertLen : 0;
                        assertEquals(markers.get(i).offset() + shift, w.markers().get(i).offset());
                    }
                });
    }
}
