package dev.hwdesc.vectors.boot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * The boot test's initramfs: busybox-static and the {@code /init} of {@code resources/boot/init}, with
 * a {@code /dev/console} node so that /init's output reaches the serial console from its first line.
 * A gzip-compressed newc archive; the same busybox gives the same bytes.
 */
final class Initramfs {

    private static final String INIT = "/boot/init";

    private Initramfs() {
    }

    /** Writes the initramfs to {@code dir/initramfs.cpio.gz} and returns that path. */
    static Path write(Path busybox, Path dir) throws IOException {
        byte[] archive = new NewcArchive()
                .directory(".")
                .directory("bin")
                .file("bin/busybox", 0755, Files.readAllBytes(busybox))
                .symlink("bin/sh", "busybox")
                .directory("dev")
                .charDevice("dev/console", 0600, 5, 1)
                .directory("proc")
                .directory("sys")
                .file("init", 0755, initScript())
                .finish();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(archive);
        }
        Path out = dir.resolve("initramfs.cpio.gz");
        Files.write(out, gz.toByteArray());
        return out;
    }

    private static byte[] initScript() {
        try (InputStream in = Initramfs.class.getResourceAsStream(INIT)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + INIT + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
