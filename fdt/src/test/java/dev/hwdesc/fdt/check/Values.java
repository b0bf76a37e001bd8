package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Marker;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.ValueType;

/** Test helper: property values as dtc's parser builds them, markers included. */
final class Values {

    private Values() {
    }

    /**
     * {@code <...>} where a String is {@code &label} or {@code &{/path}}: a phandle reference whose
     * cell holds dtc's 0xffffffff placeholder until phandle_references writes it.
     */
    static PropertyValue cells(Object... items) {
        PropertyValue.Builder b = PropertyValue.builder().chunk(ValueType.CELLS32);
        for (Object item : items) {
            if (item instanceof String ref) {
                b.marker(new Marker.PhandleRef(b.length(), ref));
                b.element(4, 0xffffffffL);
            } else {
                b.element(4, ((Number) item).longValue());
            }
        }
        return b.build();
    }

    static long cell(PropertyValue v, int index) {
        return v.u32At(index * 4);
    }
}
