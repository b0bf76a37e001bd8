package dev.hwdesc.fdt.check;

/** The kind of bus a bridge check has found a node to be (dtc's node->bus); NONE until one does. */
enum Bus {
    NONE,
    PCI,
    SIMPLE_BUS,
    I2C,
    SPI,
    GRAPH_PORT,
    GRAPH_PORTS
}
