package dev.hwdesc.vectors.boot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Debian's arm64 kernel Image and busybox-static:arm64, downloaded once through a {@link PrivateApt}
 * and kept in a cache folder: {@code $HWDESC_ARM64_CACHE}, or {@code -Dhwdesc.arm64.cache=DIR}, or
 * {@code ~/.cache/hwdesc/arm64}. The folder's layout names no version ({@code kernel/Image},
 * {@code busybox/busybox}, {@code VERSIONS} says which packages they came from), so whatever kernel the
 * archive has when the cache is filled is the one used; delete the folder to take a newer one.
 */
record Arm64Kit(Path kernel, Path busybox, String versions) {

    static Path cacheDir() {
        String dir = System.getProperty("hwdesc.arm64.cache", System.getenv("HWDESC_ARM64_CACHE"));
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "hwdesc", "arm64");
    }

    /** The cached kit, fetched first if the cache lacks it. Other JVMs filling the same cache wait on a lock. */
    static Arm64Kit cached() throws IOException {
        Path cache = cacheDir();
        Files.createDirectories(cache);
        try (FileChannel lockFile = FileChannel.open(cache.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            Path kernel = cache.resolve("kernel/Image");
            Path busybox = cache.resolve("busybox/busybox");
            Path versions = cache.resolve("VERSIONS");
            if (!Files.isRegularFile(kernel) || !Files.isRegularFile(busybox) || !Files.isRegularFile(versions)) {
                fetch(cache);
            }
            return new Arm64Kit(kernel, busybox, Files.readString(versions).strip());
        }
    }

    private static void fetch(Path cache) throws IOException {
        Files.deleteIfExists(cache.resolve("VERSIONS"));
        PrivateApt apt = PrivateApt.updated(cache.resolve("apt"));
        String kernelPackage = apt.currentKernelPackage();
        Path debs = cache.resolve("debs");
        deleteTree(debs);
        Path kernelDeb = apt.download(kernelPackage, debs);
        Path busyboxDeb = apt.download("busybox-static", debs);

        Path unpacked = cache.resolve("unpacked");
        deleteTree(unpacked);
        PrivateApt.extract(kernelDeb, "./boot/vmlinuz-*", unpacked);
        PrivateApt.extract(busyboxDeb, "./bin/busybox", unpacked);
        Path image;
        try (Stream<Path> s = Files.list(unpacked.resolve("boot"))) {
            image = s.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).findFirst()
                    .orElseThrow(() -> new IOException(kernelDeb + " holds no boot/vmlinuz-*"));
        }
        moveInto(image, cache.resolve("kernel/Image"));
        moveInto(unpacked.resolve("bin/busybox"), cache.resolve("busybox/busybox"));
        String versions = kernelPackage + " " + apt.candidateVersion(kernelPackage) + " arm64\n"
                + "busybox-static " + apt.candidateVersion("busybox-static") + " arm64\n";
        // Written last: its presence says the cache is complete.
        Files.writeString(cache.resolve("VERSIONS"), versions);
        deleteTree(unpacked);
        deleteTree(debs);
    }

    private static void moveInto(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The first line of {@link #versions()}: the kernel package and version. */
    String kernelPackage() {
        return versions.lines().findFirst().orElse("");
    }
}
