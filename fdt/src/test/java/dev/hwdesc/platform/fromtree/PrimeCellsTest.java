package dev.hwdesc.platform.fromtree;

import static dev.hwdesc.platform.fromtree.Trees.cells;
import static dev.hwdesc.platform.fromtree.Trees.empty;
import static dev.hwdesc.platform.fromtree.Trees.left;
import static dev.hwdesc.platform.fromtree.Trees.node;
import static dev.hwdesc.platform.fromtree.Trees.read;
import static dev.hwdesc.platform.fromtree.Trees.spis;
import static dev.hwdesc.platform.fromtree.Trees.strings;
import static dev.hwdesc.platform.fromtree.Trees.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.platform.FixedClock;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.Pl011;
import dev.hwdesc.platform.Pl031;
import dev.hwdesc.platform.Pl061;
import dev.hwdesc.platform.Region;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The peripheral clock, PL011, PL031, PL061 and what the PL061's lines are wired to. */
class PrimeCellsTest {

    private static final long CLOCK = 0x10;

    private static Node clock() {
        return node("apb-pclk", strings("compatible", "fixed-clock"), cells("#clock-cells", 0), cells("clock-frequency", 24000000),
                strings("clock-output-names", "clk24mhz"), cells("phandle", CLOCK));
    }

    private static Node uart(long base, int spi, Object... more) {
        Node n = node("pl011@" + Long.toHexString(base), strings("compatible", "arm,pl011", "arm,primecell"),
                cells("reg", 0, base, 0, 0x1000), spis(spi), cells("clocks", CLOCK, CLOCK), strings("clock-names", "uartclk", "apb_pclk"));
        for (Object m : more) {
            n.addProperty((dev.hwdesc.fdt.Property) m);
        }
        return n;
    }

    private static Node gpio(long base, long phandle, Object... more) {
        Node n = node("pl061@" + Long.toHexString(base), strings("compatible", "arm,pl061", "arm,primecell"),
                cells("reg", 0, base, 0, 0x1000), spis(7), empty("gpio-controller"), cells("#gpio-cells", 2),
                cells("clocks", CLOCK), strings("clock-names", "apb_pclk"), cells("phandle", phandle));
        for (Object m : more) {
            n.addProperty((dev.hwdesc.fdt.Property) m);
        }
        return n;
    }

    private static Interrupt spi(int n) {
        return Interrupt.spi(n, Interrupt.Trigger.LEVEL_HIGH);
    }

    @Test
    void uartsRtcAndTheClockTheyName() {
        PlatformReading r = read(vm(clock(), uart(0x9000000, 1), uart(0x9100000, 5),
                node("pl031@9010000", strings("compatible", "arm,pl031", "arm,primecell"), cells("reg", 0, 0x9010000, 0, 0x1000),
                        spis(2), cells("clocks", CLOCK), strings("clock-names", "apb_pclk"))));
        assertEquals(Optional.of(new FixedClock("apb-pclk", 24000000, Optional.of("clk24mhz"))), r.platform().peripheralClock());
        assertEquals(List.of(new Pl011(new Region(0x9000000L, 0x1000), spi(1), false),
                new Pl011(new Region(0x9100000L, 0x1000), spi(5), false)), r.platform().uarts());
        assertEquals(Optional.of(new Pl031(new Region(0x9010000L, 0x1000), spi(2))), r.platform().rtc());
        assertEquals(List.of(), left(r));
    }

    @Test
    void clocksThatAreNotThePeripheralClockAreListed() {
        Node other = node("osc", strings("compatible", "fixed-clock"), cells("#clock-cells", 0), cells("clock-frequency", 1),
                cells("phandle", 0x11));
        Node u = uart(0x9000000, 1);
        u.removeProperty(u.property("clocks").orElseThrow());
        u.addProperty(cells("clocks", 0x11));
        PlatformReading r = read(vm(clock(), other, u));
        assertEquals(1, r.platform().uarts().size());
        assertEquals(List.of("/osc: a second fixed clock: the platform holds one",
                "/pl011@9000000 clocks: not kept: the platform model clocks it with the peripheral clock /apb-pclk, 2 time(s)"),
                left(r));
    }

    @Test
    void aUartOfAnotherCompatibleOrWithMoreRegionsIsReadWithThoseListed() {
        Node u = node("serial@9000000", strings("compatible", "arm,pl011"), cells("reg", 0, 0x9000000, 0, 0x1000, 0, 0x9001000, 0, 0x10),
                spis(1), strings("current-speed", "115200"));
        PlatformReading r = read(vm(u));
        assertEquals(List.of(new Pl011(new Region(0x9000000L, 0x1000), spi(1), false)), r.platform().uarts());
        assertEquals(List.of("/serial@9000000 compatible: not kept: the platform model implies \"arm,pl011\", \"arm,primecell\"",
                "/serial@9000000 reg: only the first of its 2 regions is kept",
                "/serial@9000000 current-speed: not interpreted"), left(r));
    }

    @Test
    void aDisabledUartIsListed() {
        PlatformReading r = read(vm(clock(), uart(0x9000000, 1, strings("status", "disabled"))));
        assertEquals(List.of(), r.platform().uarts());
        assertEquals(List.of("/pl011@9000000: not enabled (status \"disabled\")"), left(r));
    }

    @Test
    void thePowerKeyAndTheSecureWorldsPowerLines() {
        Node keys = node("gpio-keys", strings("compatible", "gpio-keys"),
                node("poweroff", strings("label", "GPIO Key Poweroff"), cells("linux,code", 116), cells("gpios", 0x20, 3, 0)),
                node("volume", cells("linux,code", 115), cells("gpios", 0x20, 4, 0)));
        Node secureRam = node("secram@e000000", strings("device_type", "memory"), cells("reg", 0, 0xe000000, 0, 0x1000000),
                strings("status", "disabled"), strings("secure-status", "okay"));
        Node secureUart = uart(0x9040000, 8, strings("status", "disabled"), strings("secure-status", "okay"));
        Node secureGpio = gpio(0x90b0000, 0x21, strings("status", "disabled"), strings("secure-status", "okay"));
        Node restart = node("gpio-restart", strings("compatible", "gpio-restart"), cells("gpios", 0x21, 1, 0),
                strings("status", "disabled"), strings("secure-status", "okay"));
        Node poweroff = node("gpio-poweroff", strings("compatible", "gpio-poweroff"), cells("gpios", 0x21, 0, 0),
                strings("status", "disabled"), strings("secure-status", "okay"));
        Node wrongWorld = node("gpio-poweroff2", strings("compatible", "gpio-poweroff"), cells("gpios", 0x21, 2, 0));
        PlatformReading r = read(vm(clock(), gpio(0x9030000, 0x20), keys, secureRam, secureUart, secureGpio, restart, poweroff,
                wrongWorld));
        assertEquals(Optional.of(new Pl061(new Region(0x9030000L, 0x1000), spi(7), false,
                List.of(new Pl061.GpioLine(Pl061.Use.POWER_KEY, 3)))), r.platform().gpio());
        Pl061 secure = r.platform().secureWorld().orElseThrow().gpio().orElseThrow();
        assertEquals(List.of(new Pl061.GpioLine(Pl061.Use.POWEROFF, 0), new Pl061.GpioLine(Pl061.Use.RESTART, 1)), secure.lines());
        assertEquals(new Region(0xe000000L, 0x1000000), r.platform().secureWorld().orElseThrow().ram());
        assertEquals(new Pl011(new Region(0x9040000L, 0x1000), spi(8), true), r.platform().secureWorld().orElseThrow().uart());
        assertEquals(List.of("/gpio-keys/volume: linux,code 115 is not KEY_POWER (116)",
                "/gpio-poweroff2: gpios: a normal-world line on a secure-only controller"), left(r));
    }

    @Test
    void secureOnlyPartsWithoutSecureRamAreListed() {
        PlatformReading r = read(vm(clock(), uart(0x9040000, 8, strings("status", "disabled"), strings("secure-status", "okay"))));
        assertEquals(Optional.empty(), r.platform().secureWorld());
        assertEquals(List.of("/pl011@9040000: the secure world needs secure-only RAM and a secure-only UART, and the tree has not both"),
                left(r));
    }

    @Test
    void aGpioLineOnAnActiveLowPinOrAnUnknownControllerIsListed() {
        Node keys = node("gpio-keys", strings("compatible", "gpio-keys"),
                node("a", cells("linux,code", 116), cells("gpios", 0x20, 3, 1)),
                node("b", cells("linux,code", 116), cells("gpios", 0x99, 3, 0)),
                node("c", cells("linux,code", 116), cells("gpios", 0x20, 9, 0)));
        PlatformReading r = read(vm(clock(), gpio(0x9030000, 0x20), keys));
        assertEquals(List.of(), r.platform().gpio().orElseThrow().lines());
        assertEquals(List.of("/gpio-keys: no power key read among its keys",
                "/gpio-keys/a: gpios: flags 0x1; only an active-high line (0) is kept",
                "/gpio-keys/b: gpios: phandle 0x99 names no node",
                "/gpio-keys/c: gpios: line 9; a PL061 has lines 0-7"), left(r));
    }
}
