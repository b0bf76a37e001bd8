package dev.hwdesc.fdt.dtb;

/**
 * Read-only big-endian access to a blob with one bounds gate: every read names what it reads and
 * fails with an {@link FdtFormatException} at the right offset instead of running off the end.
 */
final class BlobBytes {

    private final byte[] data;
    private final int length;

    BlobBytes(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    byte[] array() {
        return data;
    }

    /** The number of bytes readable (the file length or the blob's totalsize, whichever the caller set). */
    int length() {
        return length;
    }

    /** Fails unless {@code [offset, offset+size)} lies inside {@code [0, limit)}. */
    static void require(long offset, long size, long limit, String what) throws FdtFormatException {
        if (offset < 0 || size < 0 || offset > limit || size > limit - offset) {
            throw new FdtFormatException(Math.max(0, Math.min(offset, limit)), what);
        }
    }

    /** Unsigned 32-bit word at {@code offset}; {@code limit} bounds the read, {@code what} explains a failure. */
    long u32(long offset, long limit, String what) throws FdtFormatException {
        require(offset, 4, Math.min(limit, length), what);
        int o = (int) offset;
        return ((data[o] & 0xffL) << 24) | ((data[o + 1] & 0xffL) << 16) | ((data[o + 2] & 0xffL) << 8)
                | (data[o + 3] & 0xffL);
    }

    /** Signed 64-bit word at {@code offset}. */
    long u64(long offset, long limit, String what) throws FdtFormatException {
        require(offset, 8, Math.min(limit, length), what);
        int o = (int) offset;
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (data[o + i] & 0xffL);
        }
        return v;
    }

    /** Unchecked 32-bit read for hot loops whose bounds were checked by the caller. */
    int u32Unchecked(int o) {
        return ((data[o] & 0xff) << 24) | ((data[o + 1] & 0xff) << 16) | ((data[o + 2] & 0xff) << 8)
                | (data[o + 3] & 0xff);
    }

    /** Index of the first NUL in {@code [from, limit)}, or -1. */
    int indexOfNul(int from, int limit) {
        int end = Math.min(limit, length);
        for (int i = from; i < end; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
