package dev.hwdesc.acpi.table;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/** A layout's fields, immutable, with an index by name so that a lookup does not scan the list. */
final class FieldList extends AbstractList<Field> implements RandomAccess {

    private final Field[] fields;
    private final Map<String, Integer> byName;

    private FieldList(List<Field> fields) {
        this.fields = fields.toArray(Field[]::new);
        this.byName = new HashMap<>(this.fields.length * 2);
        for (int i = 0; i < this.fields.length; i++) {
            byName.putIfAbsent(this.fields[i].name(), i);
        }
    }

    static FieldList of(List<Field> fields) {
        return fields instanceof FieldList l ? l : new FieldList(List.copyOf(fields));
    }

    /** The field called {@code name}, or null. */
    Field byName(String name) {
        Integer i = byName.get(name);
        return i == null ? null : fields[i];
    }

    /** The position of the field called {@code name} in the list, or -1. */
    int indexOf(String name) {
        Integer i = byName.get(name);
        return i == null ? -1 : i;
    }

    @Override
    public Field get(int index) {
        return fields[index];
    }

    @Override
    public int size() {
        return fields.length;
    }
}
