package dev.hwdesc.fdt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A property of a node: a name and an immutable {@link PropertyValue}. The holder is mutable so that
 * dtc's processing (merges, phandle fixups, deletion tombstones) can update it in place, keeping its
 * position in the node.
 */
public final class Property {

    private final String name;
    private PropertyValue value;
    private List<Label> labels = List.of(); // made on first use: most properties have no label
    private boolean deleted;
    private SourcePosition position;

    public Property(String name, PropertyValue value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
    }

    public Property(String name, PropertyValue value, SourcePosition position) {
        this(name, value);
        this.position = position;
    }

    public String name() {
        return name;
    }

    public PropertyValue value() {
        return value;
    }

    public void setValue(PropertyValue value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Where the property was (last) defined, if it came from source. */
    public Optional<SourcePosition> position() {
        return Optional.ofNullable(position);
    }

    public void setPosition(SourcePosition position) {
        this.position = position;
    }

    /** True for a tombstone left by {@code /delete-property/}: skipped by output, revivable by a merge. */
    public boolean isDeleted() {
        return deleted;
    }

    public void setDeleted(boolean deleted) {
        this.deleted = deleted;
        if (deleted && !labels.isEmpty()) {
            Labels.deleteAll(labels);
        }
    }

    /** Live labels, in dtc's order. */
    public List<String> labels() {
        return Labels.live(labels);
    }

    /** True when the property has any label entry, deleted ones included. */
    public boolean hasLabelEntries() {
        return !labels.isEmpty();
    }

    /** All labels, deleted ones included, in dtc's order. */
    public List<Label> labelEntries() {
        return List.copyOf(labels);
    }

    /** Adds a label the way dtc does: revives it in place if present, otherwise prepends it. */
    public void addLabel(String label) {
        if (labels.isEmpty()) {
            labels = new ArrayList<>(2);
        }
        Labels.add(labels, label);
    }

    @Override
    public String toString() {
        return name + (deleted ? " (deleted)" : "") + " = " + value;
    }
}
