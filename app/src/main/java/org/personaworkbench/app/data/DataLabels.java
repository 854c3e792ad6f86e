package org.personaworkbench.app.data;

import javafx.util.StringConverter;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;

import static org.personaworkbench.app.common.I18n.tr;

/** Words for column types and roles as the analyst reads them. */
public final class DataLabels {

    private DataLabels() {
    }

    public static String type(ColumnType type) {
        if (type == null) {
            return "";
        }
        return switch (type) {
            case INTEGER -> tr("type.integer");
            case DECIMAL -> tr("type.decimal");
            case BOOLEAN -> tr("type.boolean");
            case DATE -> tr("type.date");
            case DATETIME -> tr("type.datetime");
            case TEXT -> tr("type.text");
        };
    }

    public static String role(ColumnRole role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case CUSTOMER_ID -> tr("role.customerId");
            case ITEM_ID -> tr("role.itemId");
            case TIMESTAMP -> tr("role.timestamp");
            case AMOUNT -> tr("role.amount");
            case QUANTITY -> tr("role.quantity");
            case PRICE -> tr("role.price");
            case CATEGORY -> tr("role.category");
            case TEXT -> tr("role.text");
            case VARIANT -> tr("role.variant");
            case OUTCOME -> tr("role.outcome");
            case NONE -> tr("role.none");
        };
    }

    public static StringConverter<ColumnType> typeConverter() {
        return converter(DataLabels::type);
    }

    public static StringConverter<ColumnRole> roleConverter() {
        return converter(DataLabels::role);
    }

    static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("read-only");
            }
        };
    }
}
