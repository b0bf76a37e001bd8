package dev.hwdesc.fdt.dtb;

import java.util.Arrays;

/** A growable big-endian byte buffer for building blob blocks. */
final class ByteSink {

    private byte[] buf;
    private int size;

    ByteSink(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    private void ensure(int extra) {
        int need = size + extra;
        if (need < 0) {
            throw new IllegalStateException("blob larger than 2 GiB");
        }
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
        }
    }

    /** Makes room for exactly {@code capacity} bytes in all when there is less. */
    void capacityAtLeast(int capacity) {
        if (capacity > buf.length) {
            buf = Arrays.copyOf(buf, capacity);
        }
    }

    void u32(long v) {
        ensure(4);
        buf[size] = (byte) (v >>> 24);
        buf[size + 1] = (byte) (v >>> 16);
        buf[size + 2] = (byte) (v >>> 8);
        buf[size + 3] = (byte) v;
        size += 4;
    }

    void u64(long v) {
        u32(v >>> 32);
        u32(v);
    }

    void bytes(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, buf, size, len);
        size += len;
    }

    /** Appends {@code len} bytes from a property value. */
    void value(dev.hwdesc.fdt.PropertyValue v) {
        int len = v.length();
        ensure(len);
        v.copyTo(0, buf, size, len);
        size += len;
    }

    void latin1(String s) {
        int len = s.length();
        ensure(len);
        for (int i = 0; i < len; i++) {
            buf[size + i] = (byte) s.charAt(i);
        }
        size += len;
    }

    void zeros(int n) {
        ensure(n);
        size += n; // the array is zero-filled on growth and never shrinks
    }

    /** Pads with zeros until the size is a multiple of {@code alignment}. */
    void align(int alignment) {
        zeros(FdtLayout.align(size, alignment) - size);
    }

    void putU32At(int offset, long v) {
        buf[offset] = (byte) (v >>> 24);
        buf[offset + 1] = (byte) (v >>> 16);
        buf[offset + 2] = (byte) (v >>> 8);
        buf[offset + 3] = (byte) v;
    }

    byte[] array() {
        return buf;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
