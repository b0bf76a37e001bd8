package dev.hwdesc.acpi.aml;

/**
 * One resource data descriptor of a ResourceTemplate (ACPI 6.4 section 6.4). A small item starts
 * with (name << 3 | length), a large one with (0x80 | name) and a 16-bit length of what follows.
 */
public sealed interface ResourceDescriptor permits Memory32Fixed, ExtendedInterrupt, AddressSpace, IoPort, GpioInt {

    void writeTo(AmlOutput out);
}
