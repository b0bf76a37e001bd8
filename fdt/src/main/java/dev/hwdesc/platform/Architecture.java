package dev.hwdesc.platform;

/** The guest's execution state: what the CPUs run and which timer and PMU bindings apply. */
public enum Architecture {
    AARCH64("aarch64"), AARCH32("aarch32");

    private final String configName;

    Architecture(String configName) {
        this.configName = configName;
    }

    /** The architecture a config names {@code name}, if any. */
    public static java.util.Optional<Architecture> byConfigName(String name) {
        for (Architecture a : values()) {
            if (a.configName.equals(name)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }

    /** The name a config file uses. */
    public String configName() {
        return configName;
    }
}
