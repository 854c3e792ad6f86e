package org.personaworkbench.engine.experiments;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How a value of a project dataset reads as the text a CSV cell would hold, so dataset and CSV rows go through
 * the same parsing ({@link RowValues}) and give the same readout.
 */
final class DatasetRows {

    private DatasetRows() {
    }

    /** The trimmed text of a column; "" for SQL NULL. */
    static String text(ResultSet rows, int column) throws SQLException {
        String v = rows.getString(column);
        return v == null ? "" : v.trim();
    }
}
