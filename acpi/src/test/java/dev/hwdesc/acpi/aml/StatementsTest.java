package dev.hwdesc.acpi.aml;

import static dev.hwdesc.acpi.aml.Asl.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Control flow, operators, locals and arguments, against QEMU 7.2's virt DSDT and iasl. */
class StatementsTest {

    @Test
    void storeToALocal() {
        // GED._EVT: Local0 = ESEL
        assertArrayEquals(Hex.bytes("70 'ESEL' 60"), store(path("ESEL"), local(0)).toBytes());
    }

    @Test
    void ifWithAnAndIntoNullNameAndANotify() {
        // GED._EVT: If (((Local0 & 0x02) == 0x02)) { Notify (PWRB, 0x80) }
        assertArrayEquals(Hex.bytes("A0 10 93 7B 60 0A 02 00 0A 02 86 'PWRB' 0A 80"),
                ifThen(lEqual(and(local(0), integer(2), nullName()), integer(2)),
                        notifyObject(path("PWRB"), integer(0x80))).toBytes());
    }

    @Test
    void notEqualIsLNotOfLEqualAndElseIsASibling() {
        // PCI0._OSC: If ((Arg1 != One)) { CDW1 |= 0x08 }
        assertArrayEquals(Hex.bytes("A0 10 92 93 69 01 7D 'CDW1' 0A 08 'CDW1'"),
                ifThen(lNot(lEqual(arg(1), one())), or(path("CDW1"), integer(8), path("CDW1"))).toBytes());
        // Else { CDW1 |= 0x04  Return (Arg3) }
        assertArrayEquals(Hex.bytes("A1 0E 7D 'CDW1' 0A 04 'CDW1' A4 6B"),
                orElse(or(path("CDW1"), integer(4), path("CDW1")), returns(arg(3))).toBytes());
    }

    @Test
    void createDWordFieldNamesADWordOfABuffer() {
        // PCI0._OSC: CreateDWordField (Arg3, Zero, CDW1)
        assertArrayEquals(Hex.bytes("8A 6B 00 'CDW1'"), createDWordField(arg(3), zero(), "CDW1").toBytes());
    }

    @Test
    void arithmeticAndReturn() {
        // iasl 20200925: ShiftLeft (One, Arg0, Local2); Add (Local1, 0x12345678, Local3); Return (0x123456789A)
        assertArrayEquals(Hex.bytes("79 01 68 62"), shiftLeft(one(), arg(0), local(2)).toBytes());
        assertArrayEquals(Hex.bytes("72 61 0C 78 56 34 12 63"), add(local(1), integer(0x12345678), local(3)).toBytes());
        assertArrayEquals(Hex.bytes("A4 0E 9A 78 56 34 12 00 00 00"), returns(integer(0x123456789AL)).toBytes());
    }

    @Test
    void methodCallIsItsNameAndArguments() {
        assertArrayEquals(Hex.bytes("5C 2F 03 '_SB_MHPCMSCN'"), call("\\_SB.MHPC.MSCN").toBytes());
        assertArrayEquals(Hex.bytes("'PCNT' 01 0A 02"), call("PCNT", one(), integer(2)).toBytes());
    }

    @Test
    void localsAndArgsAreBounded() {
        assertArrayEquals(Hex.bytes("67"), local(7).toBytes());
        assertArrayEquals(Hex.bytes("6E"), arg(6).toBytes());
        assertThrows(IllegalArgumentException.class, () -> local(8));
        assertThrows(IllegalArgumentException.class, () -> arg(7));
    }
}
