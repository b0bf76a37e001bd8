package dev.hwdesc.fdt;

/** Which properties dtc writes when it assigns a phandle ({@code -H}). */
public enum PhandleFormat {
    /** {@code linux,phandle} only. */
    LEGACY(true, false),
    /** {@code phandle} only (dtc's default). */
    EPAPR(false, true),
    /** {@code linux,phandle} then {@code phandle}. */
    BOTH(true, true);

    private final boolean legacy;
    private final boolean epapr;

    PhandleFormat(boolean legacy, boolean epapr) {
        this.legacy = legacy;
        this.epapr = epapr;
    }

    public boolean writesLegacy() {
        return legacy;
    }

    public boolean writesEpapr() {
        return epapr;
    }
}
