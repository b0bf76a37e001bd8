package dev.hwdesc.vectors.boot;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A cpio archive in the "newc" format the kernel unpacks as an initramfs: per entry a 110-byte ASCII
 * header ({@code 070701} and 13 eight-digit hex fields), the NUL-terminated name, the data, each padded
 * to 4 bytes; a {@code TRAILER!!!} entry ends it. Owner root, mtime 0, so the bytes depend only on the
 * entries.
 */
final class NewcArchive {

    private static final int DIRECTORY = 0040000;
    private static final int REGULAR = 0100000;
    private static final int SYMLINK = 0120000;
    private static final int CHAR_DEVICE = 0020000;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int nextInode = 1;

    NewcArchive directory(String path) {
        return entry(path, DIRECTORY | 0755, 2, 0, 0, new byte[0]);
    }

    NewcArchive file(String path, int permissions, byte[] data) {
        return entry(path, REGULAR | permissions, 1, 0, 0, data);
    }

    NewcArchive symlink(String path, String target) {
        return entry(path, SYMLINK | 0777, 1, 0, 0, target.getBytes(StandardCharsets.UTF_8));
    }

    NewcArchive charDevice(String path, int permissions, int major, int minor) {
        return entry(path, CHAR_DEVICE | permissions, 1, major, minor, new byte[0]);
    }

    /** The archive, ended by the trailer entry. */
    byte[] finish() {
        entry("TRAILER!!!", 0, 1, 0, 0, new byte[0]);
        return out.toByteArray();
    }

    private NewcArchive entry(String path, int mode, int links, int rdevMajor, int rdevMinor, byte[] data) {
        byte[] name = (path + "\0").getBytes(StandardCharsets.UTF_8);
        int inode = path.equals("TRAILER!!!") ? 0 : nextInode++;
        int[] fields = {inode, mode, 0, 0, links, 0, data.length, 0, 0, rdevMajor, rdevMinor, name.length, 0};
        StringBuilder header = new StringBuilder("070701");
        for (int f : fields) {
            header.append(String.format("%08x", f));
        }
        out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(name);
        pad();
        out.writeBytes(data);
        pad();
        return this;
    }

    private void pad() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
    }
}
