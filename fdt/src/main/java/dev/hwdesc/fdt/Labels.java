package dev.hwdesc.fdt;

import java.util.ArrayList;
import java.util.List;

/** dtc's label-list rules, shared by nodes, properties and reservations. */
final class Labels {

    private Labels() {
    }

    /** Revives {@code name} in place if the list has it (deleted or not), otherwise prepends it (dtc's add_label). */
    static void add(List<Label> labels, String name) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).name().equals(name)) {
                labels.set(i, Label.of(name));
                return;
            }
        }
        labels.add(0, Label.of(name));
    }

    static void deleteAll(List<Label> labels) {
        labels.replaceAll(l -> new Label(l.name(), true));
    }

    static List<String> live(List<Label> labels) {
        if (labels.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(labels.size());
        for (Label l : labels) {
            if (!l.deleted()) {
                out.add(l.name());
            }
        }
        return out;
    }
}
