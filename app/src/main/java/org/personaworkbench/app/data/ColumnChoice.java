package org.personaworkbench.app.data;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnSpec;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.importing.PreviewColumn;

/**
 * One source column in the import wizard: the inferred type and suggested role, which the analyst may
 * override. A changed type drops the inferred date pattern (the engine then uses its default).
 */
public final class ColumnChoice {

    private final PreviewColumn column;
    private final ObjectProperty<ColumnType> type;
    private final ObjectProperty<ColumnRole> role;

    public ColumnChoice(PreviewColumn column) {
        this.column = column;
        this.type = new SimpleObjectProperty<>(this, "type", column.inferredType());
        this.role = new SimpleObjectProperty<>(this, "role", column.suggestedRole());
    }

    public String name() {
        return column.name();
    }

    public ColumnType inferredType() {
        return column.inferredType();
    }

    public ObjectProperty<ColumnType> typeProperty() {
        return type;
    }

    public ObjectProperty<ColumnRole> roleProperty() {
        return role;
    }

    public ColumnSpec toSpec() {
        ColumnType chosen = type.get() == null ? column.inferredType() : type.get();
        ColumnRole chosenRole = role.get() == null ? ColumnRole.NONE : role.get();
        String pattern = chosen == column.inferredType() ? column.pattern() : null;
        return new ColumnSpec(column.name(), chosen, chosenRole, pattern);
    }
}
