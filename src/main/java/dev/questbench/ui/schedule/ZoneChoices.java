package dev.questbench.ui.schedule;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ComboBox;

/** The time-zone picker: "System default (Europe/Berlin)" first, then every region zone by name. */
final class ZoneChoices {
    private ZoneChoices() {
    }

    /** The first entry stands for "no zone chosen" (null): the schedule follows the system's zone. */
    static String systemEntry() {
        return "System default (" + ZoneId.systemDefault().getId() + ")";
    }

    static List<String> entries() {
        List<String> zones = new ArrayList<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
                zones.add(id);
            }
        }
        zones.add("UTC");
        zones.sort(String::compareTo);
        zones.add(0, systemEntry());
        return zones;
    }

    /** Keeps the box and the property in step; null in the property is the system entry in the box. */
    static void bind(ComboBox<String> box, ObjectProperty<ZoneId> zone) {
        box.getItems().setAll(entries());
        box.setVisibleRowCount(14);
        box.setValue(label(zone.get()));
        box.valueProperty().addListener((observable, before, chosen) -> {
            ZoneId picked = chosen == null || chosen.equals(systemEntry()) ? null : ZoneId.of(chosen);
            if (!Objects.equals(picked, zone.get())) {
                zone.set(picked);
            }
        });
        zone.addListener((observable, before, after) -> box.setValue(label(after)));
    }

    private static String label(ZoneId zone) {
        return zone == null ? systemEntry() : zone.getId();
    }
}
