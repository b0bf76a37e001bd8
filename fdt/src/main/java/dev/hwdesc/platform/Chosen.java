package dev.hwdesc.platform;

import java.util.Optional;

/**
 * What the boot loader hands the kernel besides the hardware: the command line, the initrd, and
 * which UART is the console (an index into the platform's UARTs).
 */
public record Chosen(Optional<String> bootargs, Optional<Region> initrd, Optional<Integer> consoleUart) {

    public static Chosen none() {
        return new Chosen(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
