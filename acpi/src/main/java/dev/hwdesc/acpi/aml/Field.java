package dev.hwdesc.acpi.aml;

import java.util.List;

/**
 * DefField (ACPI 6.4 section 20.2.5.2): 0x5B 0x81 PkgLength NameString FieldFlags FieldList. The
 * flags byte holds the access type (bits 3-0), the lock rule (bit 4) and the update rule (bits
 * 6-5); each unit's length counts bits and not itself.
 */
public record Field(NameString region, AccessType access, LockRule lock, UpdateRule update, List<Unit> units)
        implements Aml {

    static final int FIELD_OP = 0x81;

    /** AccessType. */
    public enum AccessType { ANY_ACC, BYTE_ACC, WORD_ACC, DWORD_ACC, QWORD_ACC, BUFFER_ACC }

    /** LockRule. */
    public enum LockRule { NO_LOCK, LOCK }

    /** UpdateRule. */
    public enum UpdateRule { PRESERVE, WRITE_AS_ONES, WRITE_AS_ZEROS }

    /** One element of the field list. */
    public sealed interface Unit {
        void writeTo(AmlOutput out);
    }

    /** NamedField: a 4-character name and a width in bits. */
    public record Named(String name, int bits) implements Unit {
        public Named {
            NameString n = NameString.of(name);
            if (n.segments().size() != 1 || n.root() || n.parents() > 0) {
                throw new IllegalArgumentException("a field unit's name is one name segment, not '" + name + "'");
            }
            PkgLength.encodeBits(bits);
        }

        @Override
        public void writeTo(AmlOutput out) {
            NameString.of(name).writeTo(out);
            out.bytes(PkgLength.encodeBits(bits));
        }
    }

    /** ReservedField (ASL's Offset or an unnamed unit): 0x00 and a width in bits. */
    public record Reserved(int bits) implements Unit {
        public Reserved {
            PkgLength.encodeBits(bits);
        }

        @Override
        public void writeTo(AmlOutput out) {
            out.u8(0x00);
            out.bytes(PkgLength.encodeBits(bits));
        }
    }

    public Field {
        units = List.copyOf(units);
    }

    @Override
    public void writeTo(AmlOutput out) {
        AmlOutput body = new AmlOutput();
        region.writeTo(body);
        body.u8(access.ordinal() | lock.ordinal() << 4 | update.ordinal() << 5);
        for (Unit u : units) {
            u.writeTo(body);
        }
        out.u8(Device.EXT_OP_PREFIX);
        out.u8(FIELD_OP);
        out.framed(body.toByteArray());
    }
}
