package dev.hwdesc.platform;

import java.util.List;

/**
 * A PL061 GPIO controller and what its lines are wired to: the power key of the normal world, or the
 * secure world's power-off and restart lines.
 */
public record Pl061(Region mmio, Interrupt interrupt, boolean secure, List<GpioLine> lines) {

    /** A GPIO line with a meaning the guest must know. */
    public record GpioLine(Use use, int line) {
    }

    /** What a line does. */
    public enum Use {
        /** A key that reports KEY_POWER (116) to the guest: the ACPI-less power button. */
        POWER_KEY,
        /** Driving it powers the machine off (gpio-poweroff). */
        POWEROFF,
        /** Driving it restarts the machine (gpio-restart). */
        RESTART
    }

    public Pl061 {
        lines = List.copyOf(lines);
    }
}
