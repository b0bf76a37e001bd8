package dev.hwdesc.acpi.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableBlobTest {

    private static byte[] table(String signature, int length) {
        byte[] t = new byte[length];
        System.arraycopy(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, t, 0, 4);
        t[4] = (byte) length;
        t[5] = (byte) (length >> 8);
        return t;
    }

    @Test
    void tablesBackToBackAreSplitByTheirLengths() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(table("DSDT", 300));
        b.writeBytes(table("FACP", 276));
        b.writeBytes(table("XSDT", 44));
        assertEquals(List.of(new TableBlob.Span(0, 300), new TableBlob.Span(300, 276), new TableBlob.Span(576, 44)),
                TableBlob.backToBack(b.toByteArray()));
    }

    @Test
    void lengthsThatDoNotTileTheFileLeaveItOneTable() {
        byte[] one = table("APIC", 100);
        assertEquals(List.of(new TableBlob.Span(0, 100)), TableBlob.backToBack(one));
        byte[] longer = java.util.Arrays.copyOf(one, 120); // 20 bytes that are no table
        assertEquals(List.of(new TableBlob.Span(0, 120)), TableBlob.backToBack(longer));
        byte[] lying = table("APIC", 100);
        lying[4] = (byte) 200; // says more than there is
        assertEquals(List.of(new TableBlob.Span(0, 100)), TableBlob.backToBack(lying));
        assertEquals(List.of(new TableBlob.Span(0, 0)), TableBlob.backToBack(new byte[0]));
    }
}
