package dev.hwdesc.platform;

import java.util.List;

/**
 * CFI parallel flash banks (firmware code and variables), {@code bankWidth} bytes wide. When
 * {@code firstBankSecure}, the first bank is for the secure world only.
 */
public record Flash(List<Region> banks, int bankWidth, boolean firstBankSecure) {

    public Flash {
        banks = List.copyOf(banks);
    }
}
