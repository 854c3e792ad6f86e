package org.personaworkbench.engine.project.h2;

import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.project.DatasetColumn;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Checks appended values against their column types and binds them to an INSERT with the cheapest
 * typed setter, so the hot import loop does no reflection or conversion work of its own.
 */
final class RowBinder {

    private final List<DatasetColumn> columns;
    private final ColumnType[] types;

    RowBinder(List<DatasetColumn> columns) {
        this.columns = columns;
        this.types = columns.stream().map(DatasetColumn::type).toArray(ColumnType[]::new);
    }

    int width() {
        return types.length;
    }

    /** Throws a clear error when {@code row} has the wrong length or a value of the wrong Java type. */
    void check(Object[] row, long rowNumber, String dataset) {
        if (row == null || row.length != types.length) {
            throw new EngineException("Row " + rowNumber + " for dataset '" + dataset + "' has "
                    + (row == null ? 0 : row.length) + " values but the dataset has " + types.length + " columns.",
                    "DatasetWriter.append needs exactly one value per column");
        }
        for (int i = 0; i < types.length; i++) {
            Object value = row[i];
            if (value != null && !fits(types[i], value)) {
                throw new EngineException("Row " + rowNumber + ", column '" + columns.get(i).name() + "' of dataset '"
                        + dataset + "' holds " + value.getClass().getSimpleName() + " but the column is "
                        + types[i].jsonName() + ".",
                        "DatasetWriter.append expects Long, Double, Boolean, LocalDate, LocalDateTime or String "
                                + "matching the column type; got " + value.getClass().getName());
            }
        }
    }

    private static boolean fits(ColumnType type, Object value) {
        return switch (type) {
            case INTEGER -> value instanceof Long;
            case DECIMAL -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case DATE -> value instanceof LocalDate;
            case DATETIME -> value instanceof LocalDateTime;
            case TEXT -> value instanceof String;
        };
    }

    /**
     * Binds the row starting at {@code offset} in {@code values} (row-major, {@link #width()} per row) to
     * the parameters after {@code firstParameter - 1}: a multi-row INSERT binds its k-th row at
     * {@code k * width() + 1}.
     */
    void bind(PreparedStatement statement, Object[] values, int offset, int firstParameter) throws SQLException {
        for (int i = 0; i < types.length; i++) {
            Object value = values[offset + i];
            int parameter = firstParameter + i;
            switch (types[i]) {
                case INTEGER -> {
                    if (value == null) {
                        statement.setNull(parameter, Types.BIGINT);
                    } else {
                        statement.setLong(parameter, (Long) value);
                    }
                }
                case DECIMAL -> {
                    if (value == null) {
                        statement.setNull(parameter, Types.DOUBLE);
                    } else {
                        statement.setDouble(parameter, (Double) value);
                    }
                }
                case BOOLEAN -> {
                    if (value == null) {
                        statement.setNull(parameter, Types.BOOLEAN);
                    } else {
                        statement.setBoolean(parameter, (Boolean) value);
                    }
                }
                case DATE -> statement.setObject(parameter, value, Types.DATE);
                case DATETIME -> statement.setObject(parameter, value, Types.TIMESTAMP);
                case TEXT -> statement.setString(parameter, (String) value);
            }
        }
    }
}
