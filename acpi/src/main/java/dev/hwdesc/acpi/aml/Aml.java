package dev.hwdesc.acpi.aml;

/**
 * One AML term (ACPI 6.4 section 20): a data object, a named object, a statement or an
 * expression. Terms are immutable values composed into trees; nothing is encoded until
 * {@link #writeTo} runs at the end, and every PkgLength is computed there, bottom-up, from the
 * finished children. {@link Asl} builds them in ASL's words.
 */
public sealed interface Aml permits AmlInteger, AmlString, Buffer, Package, VarPackage, NameString, Name, Scope,
        Device, Method, If, Else, While, Return, Store, BinaryOp, LogicalOp, LNot, ToInteger, Notify, Mutex, Acquire,
        Release, OperationRegion, Field, CreateBufferField, LocalVar, ArgVar, MethodCall, ResourceTemplate {

    /** Appends this term's encoding. */
    void writeTo(AmlOutput out);

    /** This term's encoding alone. */
    default byte[] toBytes() {
        AmlOutput out = new AmlOutput();
        writeTo(out);
        return out.toByteArray();
    }

    /** The encoding of a list of terms, one after the other (a TermList). */
    static byte[] encode(Iterable<? extends Aml> terms) {
        AmlOutput out = new AmlOutput(8192); // a term list is usually a table's body
        for (Aml t : terms) {
            t.writeTo(out);
        }
        return out.toByteArray();
    }
}
