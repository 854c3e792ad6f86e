package org.personaworkbench.app.rules;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One condition of the builder: field, operator and value (a comma-separated list for in / not in); for an
 * event count also its filters (type, category, device) and its window in days. Blank means not set.
 */
public final class ConditionRow implements BuilderNode {

    private final ObjectProperty<FieldChoice> field = new SimpleObjectProperty<>(this, "field");
    private final StringProperty operator = new SimpleStringProperty(this, "operator", ">=");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final StringProperty type = new SimpleStringProperty(this, "type", "");
    private final StringProperty category = new SimpleStringProperty(this, "category", "");
    private final StringProperty device = new SimpleStringProperty(this, "device", "");
    private final StringProperty lastDays = new SimpleStringProperty(this, "lastDays", "");

    public ObjectProperty<FieldChoice> fieldProperty() {
        return field;
    }

    public StringProperty operatorProperty() {
        return operator;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** events(type = "…") only. */
    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public StringProperty deviceProperty() {
        return device;
    }

    /** A whole number of days, or blank for all time. */
    public StringProperty lastDaysProperty() {
        return lastDays;
    }
}
