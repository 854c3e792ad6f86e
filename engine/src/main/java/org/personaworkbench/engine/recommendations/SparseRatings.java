package org.personaworkbench.engine.recommendations;

/**
 * The training strengths in both compressed rows (per user) and compressed columns (per item), with column
 * norms: built once per fit so models and re-ranking read arrays instead of copying rows from
 * {@link Interactions} on every request.
 */
final class SparseRatings {

    final int users;
    final int items;
    final int[] rowStart;
    final int[] rowItems;
    final double[] rowValues;
    final int[] colStart;
    final int[] colUsers;
    final double[] colValues;
    final double[] colNorms;
    final double[] rowNorms;

    private SparseRatings(Interactions train) {
        users = train.users();
        items = train.items();
        rowStart = new int[users + 1];
        int nnz = train.cells();
        rowItems = new int[nnz];
        rowValues = new double[nnz];
        rowNorms = new double[users];
        int[] colCount = new int[items];
        for (int u = 0; u < users; u++) {
            int[] its = train.itemsOf(u);
            double[] vals = train.valuesOf(u);
            int at = rowStart[u];
            System.arraycopy(its, 0, rowItems, at, its.length);
            System.arraycopy(vals, 0, rowValues, at, vals.length);
            rowStart[u + 1] = at + its.length;
            double sq = 0;
            for (int k = 0; k < its.length; k++) {
                colCount[its[k]]++;
                sq += vals[k] * vals[k];
            }
            rowNorms[u] = Math.sqrt(sq);
        }
        colStart = new int[items + 1];
        for (int i = 0; i < items; i++) {
            colStart[i + 1] = colStart[i] + colCount[i];
        }
        colUsers = new int[nnz];
        colValues = new double[nnz];
        colNorms = new double[items];
        int[] fill = colStart.clone();
        for (int u = 0; u < users; u++) {
            for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
                int i = rowItems[k];
                colUsers[fill[i]] = u;
                colValues[fill[i]] = rowValues[k];
                fill[i]++;
                colNorms[i] += rowValues[k] * rowValues[k];
            }
        }
        for (int i = 0; i < items; i++) {
            colNorms[i] = Math.sqrt(colNorms[i]);
        }
    }

    static SparseRatings of(Interactions train) {
        return new SparseRatings(train);
    }

    int rowSize(int user) {
        return user < users ? rowStart[user + 1] - rowStart[user] : 0;
    }

    int colSize(int item) {
        return colStart[item + 1] - colStart[item];
    }

    /** The user's strength for the item, 0 when none (binary search in the row). */
    double value(int user, int item) {
        int at = java.util.Arrays.binarySearch(rowItems, rowStart[user], rowStart[user + 1], item);
        return at >= 0 ? rowValues[at] : 0;
    }

    /** Cosine between two item columns (0 when either is empty), by merging the sorted user lists. */
    double itemCosine(int i, int j) {
        if (colNorms[i] == 0 || colNorms[j] == 0) {
            return 0;
        }
        int a = colStart[i];
        int aEnd = colStart[i + 1];
        int b = colStart[j];
        int bEnd = colStart[j + 1];
        double dot = 0;
        while (a < aEnd && b < bEnd) {
            int ua = colUsers[a];
            int ub = colUsers[b];
            if (ua == ub) {
                dot += colValues[a++] * colValues[b++];
            } else if (ua < ub) {
                a++;
            } else {
                b++;
            }
        }
        return dot / (colNorms[i] * colNorms[j]);
    }
}
