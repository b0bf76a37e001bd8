package dev.hwdesc.platform;

/** The guest's execution state: what the CPUs run and which timer and PMU bindings apply. */
public enum Architecture {
    AARCH64("aarch64"), AARCH32("aarch32");

    private final String configName;

    Architecture(String configName) {
        this.configName = configName;
    }

    /** The name a config file uses. */
    public String configName() {
        return configName;
    }
}
