package dev.hwdesc.platform;

import dev.hwdesc.platform.qemu.QemuVirt;
import java.util.List;
import java.util.Optional;

/** The VMM profiles hwdesc knows; the first is the default. */
public final class Profiles {

    private static final List<Profile> ALL = List.of(new QemuVirt());

    private Profiles() {
    }

    public static Profile defaultProfile() {
        return ALL.get(0);
    }

    public static Optional<Profile> byName(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Profile::name).toList();
    }
}
