package dev.hwdesc.platform.qemu;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.Profile;

/** QEMU 7.2's {@code -machine virt}: its memory map, defaults and limits, and its device tree. */
public final class QemuVirt implements Profile {

    public static final String NAME = "qemu-virt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Platform platform(MachineConfig config) throws ConfigException {
        return QemuVirtPlatform.of(config);
    }

    @Override
    public DeviceTree deviceTree(Platform platform) {
        return QemuVirtTree.of(platform);
    }
}
