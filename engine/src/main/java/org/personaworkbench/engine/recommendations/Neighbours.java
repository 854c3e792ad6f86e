package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The top-k most similar entities (items or users) of each entity by shrunk cosine, sim = cos × co / (co +
 * shrinkage) with co the number of shared users (items), as int / float arrays sorted best first. Each entity's
 * list is computed independently (in parallel, with one scratch array per thread) in a fixed order, so results
 * do not depend on the thread count.
 *
 * @param ids  ids[e] = the neighbours of e, best first
 * @param sims sims[e] = their similarities
 */
record Neighbours(int[][] ids, float[][] sims) {

    /** Item neighbours from item columns (co-occurrence through users' rows). */
    static Neighbours ofItems(SparseRatings m, int k, double shrinkage, Progress progress, CancellationToken cancel) {
        return build(m.items, m.colStart, m.colUsers, m.colValues, m.rowStart, m.rowItems, m.rowValues, m.colNorms,
                k, shrinkage, "item", progress, cancel);
    }

    /** User neighbours from user rows (co-occurrence through items' columns). */
    static Neighbours ofUsers(SparseRatings m, int k, double shrinkage, Progress progress, CancellationToken cancel) {
        return build(m.users, m.rowStart, m.rowItems, m.rowValues, m.colStart, m.colUsers, m.colValues, m.rowNorms,
                k, shrinkage, "customer", progress, cancel);
    }

    private static Neighbours build(int count, int[] aStart, int[] aIdx, double[] aVal, int[] bStart, int[] bIdx,
                                    double[] bVal, double[] norms, int k, double shrinkage, String what,
                                    Progress progress, CancellationToken cancel) {
        int[][] ids = new int[count][];
        float[][] sims = new float[count][];
        AtomicInteger done = new AtomicInteger();
        // blocks of entities, each with its own scratch arrays (no thread-locals left behind in the pool)
        int block = 64;
        int blocks = (count + block - 1) / block;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            cancel.throwIfCancelled();
            Scratch s = new Scratch(count);
            for (int e = b * block; e < Math.min(count, (b + 1) * block); e++) {
                neighboursOf(e, s, aStart, aIdx, aVal, bStart, bIdx, bVal, norms, k, shrinkage, ids, sims);
            }
            int d = done.addAndGet(Math.min(count, (b + 1) * block) - b * block);
            progress.report(d, count, "Compared " + d + " of " + count + " " + what + "s");
        });
        return new Neighbours(ids, sims);
    }

    private static void neighboursOf(int e, Scratch s, int[] aStart, int[] aIdx, double[] aVal, int[] bStart,
                                     int[] bIdx, double[] bVal, double[] norms, int k, double shrinkage,
                                     int[][] ids, float[][] sims) {
        int touched = 0;
        for (int p = aStart[e]; p < aStart[e + 1]; p++) {
            int x = aIdx[p];
            double v = aVal[p];
            for (int q = bStart[x]; q < bStart[x + 1]; q++) {
                int f = bIdx[q];
                if (f == e) {
                    continue;
                }
                if (s.co[f] == 0) {
                    s.touched[touched++] = f;
                }
                s.co[f]++;
                s.dot[f] += v * bVal[q];
            }
        }
        TopN top = new TopN(Math.min(k, touched));
        for (int t = 0; t < touched; t++) {
            int f = s.touched[t];
            double denominator = norms[e] * norms[f];
            if (denominator > 0 && s.dot[f] != 0) {
                int co = s.co[f];
                top.offer(f, s.dot[f] / denominator * co / (co + shrinkage));
            }
            s.co[f] = 0;
            s.dot[f] = 0;
        }
        double[] values = new double[top.size()];
        ids[e] = top.drainIds(values);
        float[] f = new float[values.length];
        for (int t = 0; t < values.length; t++) {
            f[t] = (float) values[t];
        }
        sims[e] = f;
    }

    private static final class Scratch {
        final int[] co;
        final double[] dot;
        final int[] touched;

        Scratch(int n) {
            co = new int[n];
            dot = new double[n];
            touched = new int[n];
        }
    }
}
