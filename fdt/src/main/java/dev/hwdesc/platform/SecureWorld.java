package dev.hwdesc.platform;

import java.util.Optional;

/** What only the secure world sees (QEMU's secure=on): its RAM, its UART and its GPIO. */
public record SecureWorld(Region ram, Pl011 uart, Optional<Pl061> gpio) {
}
