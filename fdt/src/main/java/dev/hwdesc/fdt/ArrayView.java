package dev.hwdesc.fdt;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/** A read-only view of the first {@code size} elements of an array: one small object, no copy. */
final class ArrayView<T> extends AbstractList<T> implements RandomAccess {

    private final T[] array;
    private final int size;

    ArrayView(T[] array, int size) {
        this.array = array;
        this.size = size;
    }

    @Override
    public T get(int index) {
        Objects.checkIndex(index, size);
        return array[index];
    }

    @Override
    public int size() {
        return size;
    }
}
