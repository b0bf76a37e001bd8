package dev.hwdesc.vectors.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.vectors.ReferenceTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An apt configuration of our own, below one folder, for arm64 packages: its own sources (the host's
 * Debian sources for its release, limited to arm64), lists, cache and an empty dpkg status. apt-get and
 * apt-cache run with {@code APT_CONFIG} pointing at it, so the host's dpkg architectures and
 * {@code /var/lib/apt} are never touched.
 */
final class PrivateApt {

    private static final int NETWORK_SECONDS = 900;

    private final Path dir;
    private final Path config;

    private PrivateApt(Path dir) {
        this.dir = dir;
        this.config = dir.resolve("apt.conf");
    }

    /** Writes the configuration below {@code dir} and runs {@code apt-get update}. */
    static PrivateApt updated(Path dir) throws IOException {
        PrivateApt apt = new PrivateApt(dir);
        apt.writeConfig();
        apt.run(NETWORK_SECONDS, "apt-get", "-q", "update");
        return apt;
    }

    /**
     * The unsigned twin of the image {@code linux-image-arm64} depends on today (for example
     * {@code linux-image-6.1.0-56-arm64-unsigned}), so that the cache follows the archive, not a version.
     */
    String currentKernelPackage() {
        String depends = run(60, "apt-cache", "depends", "linux-image-arm64");
        Matcher m = Pattern.compile("Depends: (linux-image-[0-9][^\\s:]*)").matcher(depends);
        if (!m.find()) {
            throw new IllegalStateException("linux-image-arm64 depends on no linux-image-N: " + depends);
        }
        return m.group(1) + "-unsigned";
    }

    /** The version apt would download of {@code pkg}. */
    String candidateVersion(String pkg) {
        Matcher m = Pattern.compile("Candidate: (\\S+)").matcher(run(60, "apt-cache", "policy", pkg));
        if (!m.find() || m.group(1).equals("(none)")) {
            throw new IllegalStateException("no candidate for " + pkg + " in the private apt configuration");
        }
        return m.group(1);
    }

    /** Downloads {@code pkg}'s .deb into {@code into} and returns it. */
    Path download(String pkg, Path into) throws IOException {
        Files.createDirectories(into);
        ReferenceTool.Result r = ReferenceTool.run(command("apt-get", "-q", "download", pkg), null, NETWORK_SECONDS, into);
        assertEquals(0, r.exitCode(), "apt-get download " + pkg + ": " + r.stderr());
        try (Stream<Path> s = Files.list(into)) {
            return s.filter(p -> p.getFileName().toString().startsWith(pkg + "_")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("apt-get download " + pkg + " wrote no .deb"));
        }
    }

    private String run(int seconds, String... args) {
        ReferenceTool.Result r = ReferenceTool.run(command(args), null, seconds);
        assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.stderr());
        return r.stdoutText();
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of("env", "APT_CONFIG=" + config, "LC_ALL=C"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void writeConfig() throws IOException {
        for (String sub : List.of("etc/sources.list.d", "etc/preferences.d", "lists/partial",
                "cache/archives/partial", "state")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(dir.resolve("state/status"), "");
        Files.writeString(dir.resolve("etc/sources.list.d/host.sources"), hostSources(hostCodename()));
        Files.writeString(config, String.join("\n",
                "APT::Architecture \"arm64\";",
                "APT::Architectures { \"arm64\"; };",
                "Dir::Etc::SourceList \"" + dir.resolve("etc/sources.list") + "\";",
                "Dir::Etc::SourceParts \"" + dir.resolve("etc/sources.list.d") + "\";",
                "Dir::Etc::Preferences \"" + dir.resolve("etc/preferences") + "\";",
                "Dir::Etc::PreferencesParts \"" + dir.resolve("etc/preferences.d") + "\";",
                "Dir::State \"" + dir.resolve("state") + "\";",
                "Dir::State::Lists \"" + dir.resolve("lists") + "\";",
                "Dir::State::status \"" + dir.resolve("state/status") + "\";",
                "Dir::Cache \"" + dir.resolve("cache") + "\";",
                "Acquire::Languages \"none\";",
                "APT::Sandbox::User \"root\";", ""));
    }

    private static String hostCodename() throws IOException {
        for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
            if (line.startsWith("VERSION_CODENAME=")) {
                return line.substring("VERSION_CODENAME=".length()).replace("\"", "");
            }
        }
        throw new IllegalStateException("/etc/os-release names no VERSION_CODENAME: the boot test needs a Debian host");
    }

    /**
     * The host's binary sources for its own release, as deb822 stanzas limited to arm64: every stanza of
     * /etc/apt/sources.list.d/*.sources and every one-line entry of /etc/apt/sources.list and
     * sources.list.d/*.list whose suites name {@code codename}.
     */
    private static String hostSources(String codename) throws IOException {
        StringBuilder out = new StringBuilder();
        Path etc = Path.of("/etc/apt");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(etc.resolve("sources.list.d"))) {
            try (Stream<Path> s = Files.list(etc.resolve("sources.list.d"))) {
                s.sorted().forEach(files::add);
            }
        }
        files.add(etc.resolve("sources.list"));
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".sources")) {
                for (String stanza : Files.readString(f).split("\\n\\s*\\n")) {
                    deb822Stanza(stanza, codename).ifPresent(s -> out.append(s).append('\n'));
                }
            } else if ((name.endsWith(".list") || name.equals("sources.list")) && Files.isRegularFile(f)) {
                for (String line : Files.readAllLines(f)) {
                    oneLineEntry(line, codename).ifPresent(s -> out.append(s).append('\n'));
                }
            }
        }
        if (out.length() == 0) {
            throw new IllegalStateException("no apt source for " + codename + " in /etc/apt: the boot test needs one");
        }
        return out.toString();
    }

    private static Optional<String> deb822Stanza(String stanza, String codename) {
        List<String> kept = new ArrayList<>();
        boolean binary = false;
        boolean ours = false;
        for (String line : stanza.split("\\n")) {
            String l = line.strip();
            if (l.startsWith("#") || l.isEmpty() || l.startsWith("Architectures:")) {
                continue;
            }
            if (l.startsWith("Enabled:") && l.endsWith("no")) {
                return Optional.empty();
            }
            if (l.startsWith("Types:")) {
                binary = List.of(l.substring(6).strip().split("\\s+")).contains("deb");
                continue;
            }
            if (l.startsWith("Suites:")) {
                ours = List.of(l.substring(7).strip().split("\\s+")).stream().anyMatch(s -> s.startsWith(codename));
            }
            kept.add(line);
        }
        if (!binary || !ours) {
            return Optional.empty();
        }
        return Optional.of("Types: deb\n" + String.join("\n", kept) + "\nArchitectures: arm64\n");
    }

    /** {@code deb [opts] URI SUITE COMPONENTS...} as a deb822 stanza. */
    private static Optional<String> oneLineEntry(String line, String codename) {
        Matcher m = Pattern.compile("^deb\\s+(?:\\[([^]]*)]\\s+)?(\\S+)\\s+(\\S+)\\s+(.+)$").matcher(line.strip());
        if (!m.matches() || !m.group(3).startsWith(codename)) {
            return Optional.empty();
        }
        StringBuilder s = new StringBuilder("Types: deb\nURIs: " + m.group(2) + "\nSuites: " + m.group(3)
                + "\nComponents: " + m.group(4).strip() + "\n");
        if (m.group(1) != null) {
            for (String opt : m.group(1).strip().split("\\s+")) {
                if (opt.startsWith("signed-by=")) {
                    s.append("Signed-By: ").append(opt.substring("signed-by=".length())).append('\n');
                }
            }
        }
        return Optional.of(s.append("Architectures: arm64\n").toString());
    }

    /** Unpacks the members of a .deb that match {@code pattern} (a tar wildcard such as ./boot/vmlinuz-*) into {@code into}. */
    static void extract(Path deb, String pattern, Path into) throws IOException {
        Files.createDirectories(into);
        ReferenceTool.Result r = ReferenceTool.run(List.of("sh", "-c",
                "dpkg-deb --fsys-tarfile \"$1\" | tar -xf - -C \"$2\" --wildcards \"$3\"", "sh",
                deb.toString(), into.toString(), pattern), null, 600);
        if (r.exitCode() != 0) {
            throw new UncheckedIOException(new IOException("unpacking " + pattern + " from " + deb + ": " + r.stderr()));
        }
    }
}
