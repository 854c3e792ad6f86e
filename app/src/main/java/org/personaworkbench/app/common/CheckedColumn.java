package org.personaworkbench.app.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A feature column with a tick: clustered on in the Segments step, written in the Export step. */
public final class CheckedColumn {

    private final String name;
    private final BooleanProperty selected;

    public CheckedColumn(String name, boolean selected) {
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
