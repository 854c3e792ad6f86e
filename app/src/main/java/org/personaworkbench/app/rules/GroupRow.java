package org.personaworkbench.app.rules;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Rows that must all hold (and) or of which one must hold (or); groups nest. */
public final class GroupRow implements BuilderNode {

    private final BooleanProperty any = new SimpleBooleanProperty(this, "any");
    private final ObservableList<BuilderNode> children = FXCollections.observableArrayList();

    public GroupRow(boolean any) {
        this.any.set(any);
    }

    /** False: and (all rows hold); true: or (one row holds). */
    public BooleanProperty anyProperty() {
        return any;
    }

    public ObservableList<BuilderNode> children() {
        return children;
    }
}
