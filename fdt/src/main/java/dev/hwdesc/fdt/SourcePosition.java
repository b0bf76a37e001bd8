package dev.hwdesc.fdt;

/**
 * Where a node, property or value was written in a source file. Lines and columns count from 1;
 * the last column is inclusive, as dtc's bison locations are.
 */
public record SourcePosition(String file, int firstLine, int firstColumn, int lastLine, int lastColumn) {

    /** dtc's {@code srcpos_string}: {@code file:L.C-L.C}, {@code file:L.C-C} or {@code file:L.C}. */
    @Override
    public String toString() {
        if (firstLine != lastLine) {
            return file + ":" + firstLine + "." + firstColumn + "-" + lastLine + "." + lastColumn;
        }
        if (firstColumn != lastColumn) {
            return file + ":" + firstLine + "." + firstColumn + "-" + lastColumn;
        }
        return file + ":" + firstLine + "." + firstColumn;
    }
}
