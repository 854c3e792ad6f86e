package org.personaworkbench.app.export;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A feature column offered in the export checklist, ticked to be written. */
public final class ColumnCheck {

    private final String name;
    private final BooleanProperty selected;

    public ColumnCheck(String name, boolean selected) {
        this.name = name;
        this.selected = new SimpleBooleanProperty(this, "selected", selected);
    }

    public String name() {
        return name;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }
}
