package org.personaworkbench.engine.experiments;

import java.util.Arrays;
import java.util.Comparator;

/** Adjusted p-values for several comparisons: Holm (family-wise error) and Benjamini–Hochberg (false discovery). */
public final class Multiplicity {

    private Multiplicity() {
    }

    /** Holm's step-down adjusted p-values, in the input order. */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = order(p);
        double[] out = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1, (m - k) * p[order[k]]));
            out[order[k]] = running;
        }
        return out;
    }

    /** Benjamini–Hochberg step-up adjusted p-values, in the input order. */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = order(p);
        double[] out = new double[m];
        double running = 1;
        for (int k = m - 1; k >= 0; k--) {
            running = Math.min(running, Math.min(1, p[order[k]] * ((double) m / (k + 1))));
            out[order[k]] = running;
        }
        return out;
    }

    private static Integer[] order(double[] p) {
        Integer[] order = new Integer[p.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        return order;
    }
}
