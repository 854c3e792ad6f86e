package org.personaworkbench.engine.importing;

import java.util.List;
import java.util.Locale;

/** Texts about bad rows, shared by the inspector, the importer and its messages. */
final class RowProblems {

    private RowProblems() {
    }

    static String wrongFieldCount(int found, int expected) {
        return "has " + found + (found == 1 ? " field" : " fields") + " but the header has " + expected;
    }

    /** "line 17, column 'Quantity': 'abc' is not a whole number" or "line 9: has 3 fields but …". */
    static String describe(BadRow row) {
        return "line " + row.line() + (row.column() == null ? "" : ", column '" + row.column() + "'") + ": "
                + row.reason();
    }

    /** The first few bad rows, one per line. */
    static String firstFew(List<BadRow> rows, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(max, rows.size()); i++) {
            sb.append("\n  ").append(describe(rows.get(i)));
        }
        if (rows.size() > max) {
            sb.append("\n  …");
        }
        return sb.toString();
    }

    static String count(long n, String what) {
        return String.format(Locale.ROOT, "%,d %s%s", n, what, n == 1 ? "" : "s");
    }
}
