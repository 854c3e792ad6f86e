package org.personaworkbench.engine.importing;

import java.util.Locale;

/**
 * What a column means to the workbench (which column is the customer, the timestamp, the amount…),
 * suggested on import from the column's name and values and editable by the analyst.
 */
public enum ColumnRole {
    CUSTOMER_ID, ITEM_ID, TIMESTAMP, AMOUNT, QUANTITY, PRICE, CATEGORY, TEXT, VARIANT, OUTCOME,
    /** No particular role: an attribute kept as it is. */
    NONE;

    /** Lower-case name used in JSON and on the command line, for example {@code "customer_id"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ColumnRole fromJsonName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
