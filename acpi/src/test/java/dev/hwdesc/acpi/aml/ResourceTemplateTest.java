package dev.hwdesc.acpi.aml;

import static dev.hwdesc.acpi.aml.Asl.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hwdesc.acpi.aml.AddressSpace.Cacheable;
import dev.hwdesc.acpi.aml.AddressSpace.Width;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resource descriptors, against QEMU 7.2's virt DSDT and iasl 20200925. */
class ResourceTemplateTest {

    @Test
    void uartTemplateAsQemuWritesIt() {
        // COM0._CRS: Memory32Fixed (ReadWrite, 0x09000000, 0x1000) + Interrupt (Consumer, Level, High, Exclusive) {33}
        assertArrayEquals(Hex.bytes("11 1A 0A 17 86 09 00 01 00 00 00 09 00 10 00 00"
                + " 89 06 00 01 01 21 00 00 00 79 00"),
                resourceTemplate(memory32Fixed(true, 0x09000000L, 0x1000), interrupt(false, false, 33)).toBytes());
    }

    @Test
    void emptyTemplateIsAnEndTag() {
        assertArrayEquals(Hex.bytes("11 05 0A 02 79 00"), resourceTemplate().toBytes());
    }

    @Test
    void extendedInterruptFlags() {
        // GED._CRS: Interrupt (ResourceConsumer, Edge, ActiveHigh, Exclusive) {41}
        assertArrayEquals(Hex.bytes("89 06 00 03 01 29 00 00 00"), bytesOf(interrupt(true, false, 41)));
        assertArrayEquals(Hex.bytes("89 0A 00 1F 02 20 00 00 00 21 00 00 00"),
                bytesOf(new ExtendedInterrupt(true, true, true, true, true, List.of(32L, 33L))));
        assertThrows(IllegalArgumentException.class,
                () -> new ExtendedInterrupt(true, false, false, false, false, List.of()));
    }

    @Test
    void addressSpacesOfThePcieHost() {
        // PCI0._CRS of QEMU 7.2 virt
        assertArrayEquals(Hex.bytes("88 0D 00 02 0C 00 00 00 00 00 FF 00 00 00 00 01"), bytesOf(wordBusNumber(0, 0xFF)));
        assertArrayEquals(Hex.bytes("87 17 00 00 0C 01 00 00 00 00 00 00 00 10 FF FF FE 3E 00 00 00 00 00 00 FF 2E"),
                bytesOf(memory(Width.DWORD, Cacheable.NON_CACHEABLE, 0x10000000L, 0x2EFF0000L, 0)));
        assertArrayEquals(Hex.bytes("87 17 00 01 0C 03 00 00 00 00 00 00 00 00 FF FF 00 00 00 00 FF 3E 00 00 01 00"),
                bytesOf(dwordIo(0, 0x10000, 0x3EFF0000L)));
        assertArrayEquals(Hex.bytes("8A 2B 00 00 0C 01 00 00 00 00 00 00 00 00 00 00 00 00 80 00 00 00"
                + " FF FF FF FF FF 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 80 00 00 00"),
                bytesOf(memory(Width.QWORD, Cacheable.NON_CACHEABLE, 0x8000000000L, 0x8000000000L, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> memory(Width.DWORD, Cacheable.NON_CACHEABLE, 0x100000000L, 0x1000, 0));
    }

    @Test
    void ioPort() {
        // iasl 20200925: IO (Decode16, 0x0510, 0x0510, 0x01, 0x0C)
        assertArrayEquals(Hex.bytes("47 01 10 05 10 05 01 0C"), bytesOf(new IoPort(true, 0x510, 0x510, 1, 0x0C)));
    }

    @Test
    void gpioInt() {
        // iasl 20200925: GpioInt (Edge, ActiveHigh, Exclusive, PullUp, 0, "GPO0") {3}
        assertArrayEquals(Hex.bytes("8C 1B 00 01 00 01 00 01 00 01 00 00 00 00 17 00 00 19 00 1E 00 00 00 03 00"
                + " 'GPO0' 00"),
                bytesOf(new GpioInt(true, GpioInt.Polarity.ACTIVE_HIGH, false, false, GpioInt.PinConfig.PULL_UP, 0,
                        "GPO0", List.of(3))));
    }

    private static byte[] bytesOf(ResourceDescriptor d) {
        AmlOutput out = new AmlOutput();
        d.writeTo(out);
        return out.toByteArray();
    }
}
