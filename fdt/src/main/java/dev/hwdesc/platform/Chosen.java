package dev.hwdesc.platform;

import java.util.Optional;

/**
 * What the boot loader hands the kernel besides the hardware: the command line, the initrd, which
 * UART is the console (an index into the platform's UARTs), and the random seeds (kaslr-seed for the
 * kernel's address layout, rng-seed for its entropy pool).
 */
public record Chosen(Optional<String> bootargs, Optional<Region> initrd, Optional<Integer> consoleUart,
        Optional<Long> kaslrSeed, Optional<RngSeed> rngSeed) {

    /** No seeds. */
    public Chosen(Optional<String> bootargs, Optional<Region> initrd, Optional<Integer> consoleUart) {
        this(bootargs, initrd, consoleUart, Optional.empty(), Optional.empty());
    }

    public static Chosen none() {
        return new Chosen(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
