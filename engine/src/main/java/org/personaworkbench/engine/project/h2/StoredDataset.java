package org.personaworkbench.engine.project.h2;

import org.personaworkbench.engine.project.DatasetInfo;

import java.util.List;

/** A dataset as stored: its metadata id, the SQL table holding its rows and its SQL column names. */
record StoredDataset(long id, String tableName, DatasetInfo info, List<String> sqlColumns) {
    StoredDataset {
        sqlColumns = List.copyOf(sqlColumns);
    }

    String quotedTable() {
        return SqlNames.quote(tableName);
    }

    List<String> quotedColumns() {
        return sqlColumns.stream().map(SqlNames::quote).toList();
    }
}
