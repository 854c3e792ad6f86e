package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Matrix factorisation by alternating least squares. Implicit feedback (Hu, Koren &amp; Volinsky 2008): every
 * cell is a preference (1 observed, 0 not) with confidence 1 + α·strength, solved per row by three
 * conjugate-gradient steps warm-started from the previous sweep (Takács, Pilászy &amp; Tikk 2011) with the
 * shared YᵀY so a row costs O(f² + nnz·f). Explicit ratings ({@link FeedbackKind#EXPLICIT}): ALS with
 * weighted-λ regularisation (Zhou et al. 2008) on the observed ratings only, one f×f Cholesky solve per row.
 *
 * <p>Own code rather than Smile: Smile 6.3 has no ALS, and its matrix solvers go through native LAPACK, which
 * the installer cannot count on; the f×f algebra here is a few dozen lines. Rows are solved in parallel,
 * each from the fixed other side only, so results do not depend on the number of threads; initialisation is
 * drawn from {@code options.seed()}.
 */
public final class Als {

    /** Conjugate-gradient steps per row and sweep (Takács et al. found 2–3 enough with warm starts). */
    static final int CG_STEPS = 3;
    /** Rows per parallel task: fixed, so the split of work never depends on the pool. */
    static final int CHUNK = 64;

    private Als() {
    }

    /**
     * Trains on {@code train} (implicit unless its kind is {@link FeedbackKind#EXPLICIT}).
     *
     * @throws org.personaworkbench.engine.common.CancelledException when cancelled (checked every chunk of rows)
     */
    public static Recommender fit(Interactions train, RecommenderOptions options, Progress progress,
                                  CancellationToken cancel) {
        int f = Math.max(1, options.factors());
        int users = train.users();
        int items = train.items();
        Sparse byUser = Sparse.rows(train);
        Sparse byItem = byUser.transpose(items);
        double[] x = new double[users * f];
        double[] y = new double[items * f];
        SplittableRandom random = new SplittableRandom(options.seed());
        double scale = 0.1 / Math.sqrt(f);
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextGaussian() * scale;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian() * scale;
        }
        boolean explicit = train.kind() == FeedbackKind.EXPLICIT;
        int sweeps = Math.max(1, options.iterations());
        for (int s = 0; s < sweeps; s++) {
            cancel.throwIfCancelled();
            if (explicit) {
                explicitSweep(byUser, y, x, f, options.regularisation(), cancel);
                explicitSweep(byItem, x, y, f, options.regularisation(), cancel);
            } else {
                implicitSweep(byUser, y, x, f, options.regularisation(), options.alpha(), cancel);
                implicitSweep(byItem, x, y, f, options.regularisation(), options.alpha(), cancel);
            }
            progress.report(s + 1, sweeps, "ALS sweep " + (s + 1) + " of " + sweeps);
        }
        return new Model(train, options.catalog(), x, y, f);
    }

    /** Solves every row of {@code out} against the fixed factors {@code fixed} (implicit, CG). */
    private static void implicitSweep(Sparse rows, double[] fixed, double[] out, int f, double lambda, double alpha,
                                      CancellationToken cancel) {
        double[] gram = gram(fixed, f);
        for (int d = 0; d < f; d++) {
            gram[d * f + d] += lambda;
        }
        parallelRows(rows.count(), cancel, row -> {
            double[] r = new double[f];
            double[] p = new double[f];
            double[] ap = new double[f];
            int off = row * f;
            // r = b − A·x with A = YᵀY + λI + Σ (c−1)·y yᵀ and b = Σ c·y
            multiply(gram, out, off, r, f);
            for (int d = 0; d < f; d++) {
                r[d] = -r[d];
            }
            for (int k = rows.start[row]; k < rows.start[row + 1]; k++) {
                int yo = rows.index[k] * f;
                double c = 1 + alpha * rows.value[k];
                double yx = dot(fixed, yo, out, off, f);
                double w = c - (c - 1) * yx;
                for (int d = 0; d < f; d++) {
                    r[d] += w * fixed[yo + d];
                }
            }
            System.arraycopy(r, 0, p, 0, f);
            double rs = dot(r, 0, r, 0, f);
            for (int step = 0; step < CG_STEPS && rs > 1e-20; step++) {
                multiply(gram, p, 0, ap, f);
                for (int k = rows.start[row]; k < rows.start[row + 1]; k++) {
                    int yo = rows.index[k] * f;
                    double c = 1 + alpha * rows.value[k];
                    double w = (c - 1) * dot(fixed, yo, p, 0, f);
                    for (int d = 0; d < f; d++) {
                        ap[d] += w * fixed[yo + d];
                    }
                }
                double pap = dot(p, 0, ap, 0, f);
                if (!(pap > 0)) {
                    break;
                }
                double a = rs / pap;
                for (int d = 0; d < f; d++) {
                    out[off + d] += a * p[d];
                    r[d] -= a * ap[d];
                }
                double next = dot(r, 0, r, 0, f);
                double beta = next / rs;
                for (int d = 0; d < f; d++) {
                    p[d] = r[d] + beta * p[d];
                }
                rs = next;
            }
        });
    }

    /** Solves every row of {@code out}: (Σ y yᵀ + λ·n·I) x = Σ r·y over the row's observed ratings. */
    private static void explicitSweep(Sparse rows, double[] fixed, double[] out, int f, double lambda,
                                      CancellationToken cancel) {
        parallelRows(rows.count(), cancel, row -> {
            int n = rows.start[row + 1] - rows.start[row];
            int off = row * f;
            if (n == 0) {
                java.util.Arrays.fill(out, off, off + f, 0);
                return;
            }
            double[] a = new double[f * f];
            double[] b = new double[f];
            for (int k = rows.start[row]; k < rows.start[row + 1]; k++) {
                int yo = rows.index[k] * f;
                double v = rows.value[k];
                for (int i = 0; i < f; i++) {
                    double yi = fixed[yo + i];
                    b[i] += v * yi;
                    for (int j = 0; j <= i; j++) {
                        a[i * f + j] += yi * fixed[yo + j];
                    }
                }
            }
            for (int d = 0; d < f; d++) {
                a[d * f + d] += lambda * n;
            }
            Cholesky.solveInPlace(a, b, f);
            System.arraycopy(b, 0, out, off, f);
        });
    }

    /** Runs {@code solve} for every row in fixed chunks on the common pool; each row writes only its own slot. */
    private static void parallelRows(int count, CancellationToken cancel, java.util.function.IntConsumer solve) {
        int chunks = (count + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            cancel.throwIfCancelled();
            int end = Math.min(count, (c + 1) * CHUNK);
            for (int row = c * CHUNK; row < end; row++) {
                solve.accept(row);
            }
        });
    }

    /** FᵀF of a row-major factor matrix (f×f, full). */
    static double[] gram(double[] factors, int f) {
        int rows = factors.length / f;
        double[] g = new double[f * f];
        for (int r = 0; r < rows; r++) {
            int o = r * f;
            for (int i = 0; i < f; i++) {
                double v = factors[o + i];
                if (v == 0) {
                    continue;
                }
                int go = i * f;
                for (int j = i; j < f; j++) {
                    g[go + j] += v * factors[o + j];
                }
            }
        }
        for (int i = 0; i < f; i++) {
            for (int j = 0; j < i; j++) {
                g[i * f + j] = g[j * f + i];
            }
        }
        return g;
    }

    private static void multiply(double[] m, double[] v, int vo, double[] out, int f) {
        for (int i = 0; i < f; i++) {
            double s = 0;
            int mo = i * f;
            for (int j = 0; j < f; j++) {
                s += m[mo + j] * v[vo + j];
            }
            out[i] = s;
        }
    }

    static double dot(double[] a, int ao, double[] b, int bo, int f) {
        double s = 0;
        for (int d = 0; d < f; d++) {
            s += a[ao + d] * b[bo + d];
        }
        return s;
    }

    /** Compressed rows of strengths (users × items, or transposed). */
    record Sparse(int[] start, int[] index, double[] value) {
        int count() {
            return start.length - 1;
        }

        static Sparse rows(Interactions m) {
            int[] start = new int[m.users() + 1];
            int[] index = new int[m.cells()];
            double[] value = new double[m.cells()];
            for (int u = 0; u < m.users(); u++) {
                int[] it = m.itemsOf(u);
                double[] v = m.valuesOf(u);
                System.arraycopy(it, 0, index, start[u], it.length);
                System.arraycopy(v, 0, value, start[u], v.length);
                start[u + 1] = start[u] + it.length;
            }
            return new Sparse(start, index, value);
        }

        Sparse transpose(int columns) {
            int[] tStart = new int[columns + 1];
            for (int i : index) {
                tStart[i + 1]++;
            }
            for (int c = 0; c < columns; c++) {
                tStart[c + 1] += tStart[c];
            }
            int[] fill = tStart.clone();
            int[] tIndex = new int[index.length];
            double[] tValue = new double[index.length];
            for (int r = 0; r < count(); r++) {
                for (int k = start[r]; k < start[r + 1]; k++) {
                    int at = fill[index[k]]++;
                    tIndex[at] = r;
                    tValue[at] = value[k];
                }
            }
            return new Sparse(tStart, tIndex, tValue);
        }
    }

    /** Cholesky factorisation and solve of a small symmetric positive-definite system (lower triangle read). */
    static final class Cholesky {
        private Cholesky() {
        }

        /** Overwrites {@code a} with L and {@code b} with the solution of a·x = b. */
        static void solveInPlace(double[] a, double[] b, int f) {
            for (int j = 0; j < f; j++) {
                double d = a[j * f + j];
                for (int k = 0; k < j; k++) {
                    d -= a[j * f + k] * a[j * f + k];
                }
                if (!(d > 0)) {
                    d = 1e-12;
                }
                double l = Math.sqrt(d);
                a[j * f + j] = l;
                for (int i = j + 1; i < f; i++) {
                    double s = a[i * f + j];
                    for (int k = 0; k < j; k++) {
                        s -= a[i * f + k] * a[j * f + k];
                    }
                    a[i * f + j] = s / l;
                }
            }
            for (int i = 0; i < f; i++) {
                double s = b[i];
                for (int k = 0; k < i; k++) {
                    s -= a[i * f + k] * b[k];
                }
                b[i] = s / a[i * f + i];
            }
            for (int i = f - 1; i >= 0; i--) {
                double s = b[i];
                for (int k = i + 1; k < f; k++) {
                    s -= a[k * f + i] * b[k];
                }
                b[i] = s / a[i * f + i];
            }
        }
    }

    /** The trained factors: scores are dot products, the list is a primitive top-n over unseen items. */
    static final class Model implements Recommender, ItemScorer {
        private final Interactions train;
        private final ItemCatalog catalog;
        private final double[] x;
        private final double[] y;
        private final int f;

        Model(Interactions train, ItemCatalog catalog, double[] x, double[] y, int f) {
            this.train = train;
            this.catalog = catalog;
            this.x = x;
            this.y = y;
            this.f = f;
        }

        @Override
        public Algorithm algorithm() {
            return Algorithm.ALS;
        }

        /** The predicted preference (or rating, explicit) of the user for the item. */
        double score(int user, int item) {
            return dot(x, user * f, y, item * f, f);
        }

        @Override
        public List<Recommendation> recommend(int user, int n, RecommendRequest request) {
            if (user < 0 || user >= train.users() || train.rowSize(user) == 0 || n <= 0) {
                return List.of();
            }
            int items = train.items();
            int[] seen = train.itemsOf(user);
            boolean[] skip = new boolean[items];
            if (request.excludeSeen()) {
                for (int i : seen) {
                    skip[i] = true;
                }
            }
            boolean filter = !request.includeCategories().isEmpty() || !request.excludeCategories().isEmpty();
            TopN top = new TopN(n);
            int uo = user * f;
            for (int i = 0; i < items; i++) {
                if (skip[i]) {
                    continue;
                }
                if (filter) {
                    String c = catalog.category(train.itemId(i));
                    if (!request.includeCategories().isEmpty() && !request.includeCategories().contains(c)
                            || request.excludeCategories().contains(c)) {
                        continue;
                    }
                }
                top.offer(i, dot(x, uo, y, i * f, f));
            }
            double[] scores = new double[top.size()];
            int[] best = top.drainIds(scores);
            List<Recommendation> out = new ArrayList<>(best.length);
            for (int r = 0; r < best.length; r++) {
                out.add(new Recommendation(best[r], train.itemId(best[r]), scores[r], explain(best[r], seen)));
            }
            return out;
        }

        /** As an {@link ItemScorer}: every item's dot product, for the shared re-ranking and the hybrid. */
        @Override
        public java.util.function.IntFunction<String> score(int user, double[] out) {
            if (user < 0 || user >= train.users() || train.rowSize(user) == 0) {
                return null;
            }
            int uo = user * f;
            for (int i = 0; i < out.length; i++) {
                out[i] = dot(x, uo, y, i * f, f);
            }
            int[] seen = train.itemsOf(user);
            return item -> explain(item, seen);
        }

        private String explain(int item, int[] seen) {
            int similar = -1;
            double bestSim = Double.NEGATIVE_INFINITY;
            for (int j : seen) {
                double s = dot(y, item * f, y, j * f, f);
                if (s > bestSim) {
                    bestSim = s;
                    similar = j;
                }
            }
            String text = "matches your taste profile (factors)";
            return similar < 0 ? text : text + " — similar to " + catalog.title(train.itemId(similar));
        }
    }

}
