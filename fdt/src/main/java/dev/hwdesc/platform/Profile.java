package dev.hwdesc.platform;

import dev.hwdesc.fdt.DeviceTree;

/**
 * The memory map, interrupt map and conventions of one VMM: how a config becomes a platform (its
 * defaults and limits) and how a platform becomes that VMM's device tree (node names, property
 * order, phandle numbers). A new VMM is one new implementation, listed in {@link Profiles}.
 */
public interface Profile {

    /** The name a config or --profile gives ("qemu-virt"). */
    String name();

    /** The platform this VMM would build for {@code config}; an impossible config is a {@link ConfigException}. */
    Platform platform(MachineConfig config) throws ConfigException;

    /** The device tree this VMM would hand its guest for {@code platform}. */
    DeviceTree deviceTree(Platform platform);
}
