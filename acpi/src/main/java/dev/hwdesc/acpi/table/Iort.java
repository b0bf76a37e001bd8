package dev.hwdesc.acpi.table;

import java.util.Map;

/**
 * The IO Remapping Table (table revision 3, Arm DEN 0049 issue E.b): ITS group, PCI root complex
 * (node revision 3, 36 bytes) and SMMUv3 (node revision 4, 68 bytes) nodes, each followed by its
 * ID mappings; other node types keep their bytes raw.
 */
public final class Iort {

    public static final int ITS_GROUP_TYPE = 0;
    public static final int ROOT_COMPLEX_TYPE = 2;
    public static final int SMMUV3_TYPE = 4;

    public static final Layout ID_MAPPING = Layout.builder("ID mapping")
            .u32("Input Base", "first input ID")
            .u32("ID Count", "number of IDs minus one")
            .u32("Output Base", "first output ID")
            .u32("Output Reference", "offset of the output node in the table")
            .u32("Flags", "bit 0 single mapping")
            .build(20);

    public static final Layout ITS_ID = Layout.builder("ITS identifier")
            .u32("GIC ITS ID", "an ITS of the MADT")
            .build(4);

    private static Layout.Builder node(String name, int type) {
        return Layout.builder(name)
                .fixed("Type", 1, type, "node type")
                .length("Length", 2)
                .u8("Revision", "node revision")
                .u32("Identifier", "unique node ID")
                .u32("Mapping Count", "ID mappings")
                .u32("Mapping Offset", "from the node's start (0: none)");
    }

    public static final Layout ITS_GROUP = node("ITS group", ITS_GROUP_TYPE)
            .u32("ITS Count", "ITS identifiers")
            .repeat(ITS_ID, "ITS Count", null)
            .repeat(ID_MAPPING, "Mapping Count", "Mapping Offset")
            .build(20);

    public static final Layout ROOT_COMPLEX = node("PCI root complex", ROOT_COMPLEX_TYPE)
            .u32("Cache Coherency", "1: fully coherent")
            .u8("Allocation Hints", "0")
            .reserved(2)
            .u8("Memory Access Flags", "bit 0 CPM, bit 1 DACS")
            .u32("ATS Attribute", "0: no ATS")
            .u32("PCI Segment Number", "MCFG segment")
            .u8("Memory Address Size Limit", "bits of DMA address")
            .reserved(3)
            .repeat(ID_MAPPING, "Mapping Count", "Mapping Offset")
            .build(36);

    public static final Layout SMMUV3 = node("SMMUv3", SMMUV3_TYPE)
            .u64("Base Address", "SMMU registers")
            .u32("Flags", "bit 0 COHACC override, bit 1 HTTU override, bit 3 proximity domain valid")
            .reserved(4)
            .u64("VATOS Address", "0: none")
            .u32("Model", "0 generic SMMUv3")
            .u32("Event GSIV", "eventq interrupt")
            .u32("PRI GSIV", "priq interrupt")
            .u32("GERR GSIV", "gerror interrupt")
            .u32("Sync GSIV", "cmdq-sync interrupt")
            .u32("Proximity Domain", "NUMA domain")
            .u32("DeviceID Mapping Index", "mapping for the SMMU's own MSIs")
            .repeat(ID_MAPPING, "Mapping Count", "Mapping Offset")
            .build(68);

    public static final Layout LAYOUT = Sdt.table("IORT")
            .u32("Node Count", "nodes")
            .u32("Node Offset", "offset of the first node")
            .reserved(4)
            .subtables(1, 2, Map.of((long) ITS_GROUP_TYPE, ITS_GROUP, (long) ROOT_COMPLEX_TYPE, ROOT_COMPLEX,
                    (long) SMMUV3_TYPE, SMMUV3), "Node Count", "Node Offset")
            .build(48);

    private Iort() {
    }
}
