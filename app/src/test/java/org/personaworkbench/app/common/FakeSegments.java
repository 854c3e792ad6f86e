package org.personaworkbench.app.common;

import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.features.Scaling;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.segmentation.Algorithm;
import org.personaworkbench.engine.segmentation.Dendrogram;
import org.personaworkbench.engine.segmentation.FeatureComparison;
import org.personaworkbench.engine.segmentation.FeatureMatrix;
import org.personaworkbench.engine.segmentation.FeatureTest;
import org.personaworkbench.engine.segmentation.KDistanceCurve;
import org.personaworkbench.engine.segmentation.Projection2D;
import org.personaworkbench.engine.segmentation.RuleCondition;
import org.personaworkbench.engine.segmentation.RunComparison;
import org.personaworkbench.engine.segmentation.SegmentProfile;
import org.personaworkbench.engine.segmentation.SegmentProfiles;
import org.personaworkbench.engine.segmentation.SegmentationOptions;
import org.personaworkbench.engine.segmentation.SegmentationResult;
import org.personaworkbench.engine.segmentation.SilhouetteReport;
import org.personaworkbench.engine.segmentation.SurrogateRule;
import org.personaworkbench.engine.segmentation.SweepOptions;
import org.personaworkbench.engine.segmentation.SweepPoint;
import org.personaworkbench.engine.segmentation.SweepResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Believable segmentation figures without the real algorithms: customers drawn around four planted RFM
 * profiles, labels by nearest planted centre, sweep curves that peak at the planted k, a simplified silhouette,
 * a real PCA, profiles from the real per-segment means. For the Segments step's UI tests and screenshots.
 */
public final class FakeSegments {

    /** Planted customer types in raw units: recency, frequency, monetary, AOV, tenure. */
    private static final double[][] TYPES = {
        {25, 6, 1800, 300, 500},     // loyal
        {200, 1.5, 250, 170, 220},   // lapsed one-timers
        {50, 2.5, 600, 240, 120},    // new
        {12, 28, 14_000, 500, 650},  // champions
    };
    private static final double[] SHARE = {0.38, 0.34, 0.2, 0.08};

    private FakeSegments() {
    }

    /** Rows around the planted types in the given columns (extra columns are noise), scaled as asked. */
    public static Engine.SegmentMatrices matrices(int rows, List<String> columns, Scaling scaling, long seed) {
        Random r = new Random(seed);
        int d = columns.size();
        double[] v = new double[rows * d];
        for (int i = 0; i < rows; i++) {
            int t = type(r.nextDouble());
            for (int j = 0; j < d; j++) {
                double centre = j < 5 ? TYPES[t][j] : 10 + 5 * t;
                double value = centre * Math.exp(r.nextGaussian() * 0.35);
                v[i * d + j] = j == 1 ? Math.max(1, Math.round(value)) : Math.round(value * 100) / 100.0;
            }
        }
        FeatureMatrix raw = FeatureMatrix.of(columns, FeatureMatrix.sequentialIds(rows), v);
        return new Engine.SegmentMatrices(raw.scaled(scaling), raw);
    }

    private static int type(double u) {
        double c = 0;
        for (int t = 0; t < SHARE.length; t++) {
            c += SHARE[t];
            if (u < c) {
                return t;
            }
        }
        return SHARE.length - 1;
    }

    /** Sweep curves with their best at k = 4 (the planted count). */
    public static SweepResult sweep(int rows, SweepOptions o) {
        List<SweepPoint> points = new ArrayList<>();
        boolean exact = rows <= o.silhouetteExactLimit();
        int sample = exact ? rows : o.silhouetteSampleSize();
        double base = rows * 5.0;
        for (int k = o.kMin(); k <= o.kMax(); k++) {
            double inertia = k <= 4 ? base * (1.0 - 0.22 * (k - 1)) : base * 0.34 * Math.pow(0.93, k - 4);
            double sil = 0.56 - 0.035 * Math.abs(k - 4) - (k < 4 ? 0.05 : 0) - 0.002 * k;
            double half = exact ? 0 : 1.96 * 0.25 / Math.sqrt(sample);
            double ch = rows * (k <= 4 ? 0.9 + 0.35 * k : 2.3 - 0.08 * (k - 4));
            double db = 0.62 + 0.05 * Math.abs(k - 4) + (k < 4 ? 0.12 : 0);
            double stab = k <= 4 ? 0.97 - 0.01 * (4 - k) : Math.max(0.55, 0.97 - 0.07 * (k - 4));
            points.add(new SweepPoint(k, inertia, sil, sil - half, sil + half, sample, ch, db, stab, 0.05 * k));
        }
        int recommended = Math.max(o.kMin(), Math.min(o.kMax(), 4));
        SweepPoint best = points.get(recommended - o.kMin());
        String reason = String.format(Locale.ROOT, "highest silhouette (%.2f), knee of the elbow and stable (ARI %.2f)",
                best.silhouette(), best.stability());
        return new SweepResult(rows, 0.05 * points.size() * points.size(), points, recommended, recommended, reason,
                exact);
    }

    /** Labels by nearest of k centres (the planted ones first), noise for DBSCAN/HDBSCAN outliers. */
    public static SegmentationResult fit(FeatureMatrix m, SegmentationOptions o) {
        int n = m.rows();
        int d = m.columns();
        int k = o.algorithm().takesK() ? Math.max(1, o.k()) : 4;
        double[][] centres = plantedCentres(m, Math.max(k, 4));
        Random r = new Random(o.seed());
        double[][] c = new double[k][];
        for (int i = 0; i < k; i++) {
            c[i] = i < centres.length ? centres[i] : m.row(r.nextInt(n));
        }
        int[] labels = new int[n];
        boolean noise = !o.algorithm().takesK();
        double cutoff = Double.isNaN(o.eps()) ? 2.2 : o.eps() * 4;
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestD = Double.MAX_VALUE;
            for (int j = 0; j < k; j++) {
                double dist = dist2(m, i, c[j]);
                if (dist < bestD) {
                    bestD = dist;
                    best = j;
                }
            }
            labels[i] = noise && Math.sqrt(bestD) > cutoff ? -1 : best;
        }
        labels = SegmentationResult.relabelBySize(labels);
        int[] sizes = SegmentationResult.sizesOf(labels);
        int segments = sizes.length;
        double[][] means = new double[segments][d];
        for (int i = 0; i < n; i++) {
            if (labels[i] >= 0) {
                for (int j = 0; j < d; j++) {
                    means[labels[i]][j] += m.get(i, j) / sizes[labels[i]];
                }
            }
        }
        double inertia = 0;
        int noiseRows = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] >= 0) {
                inertia += dist2(m, i, means[labels[i]]);
            } else {
                noiseRows++;
            }
        }
        Dendrogram tree = null;
        String note = null;
        SegmentationOptions used = o;
        if (o.algorithm() == Algorithm.HIERARCHICAL) {
            tree = tree(m, labels, Math.min(n, 60), o);
            if (n > o.hierarchyLimit()) {
                note = String.format(Locale.ROOT, "Tree of clusters: %,d rows are more than an O(n²) distance matrix"
                        + " allows (%,d), so the tree joins %,d K-Means micro-clusters.", n, o.hierarchyLimit(),
                        tree.leaves());
            }
        }
        if (o.algorithm() == Algorithm.DBSCAN && Double.isNaN(o.eps())) {
            used = o.withEps(0.55);
            note = "eps = 0.55 was suggested from the k-distance curve.";
        }
        boolean centroids = o.algorithm() == Algorithm.KMEANS || o.algorithm() == Algorithm.MINIBATCH_KMEANS;
        double bic = o.algorithm() == Algorithm.GMM ? -2 * n * 1.7 + segments * d * 3 * Math.log(n) : Double.NaN;
        return new SegmentationResult(used, labels, segments, sizes, noiseRows, centroids ? inertia : Double.NaN,
                means, bic, tree, note, 0.4);
    }

    private static double[][] plantedCentres(FeatureMatrix m, int k) {
        // the first row of each planted type is not known here: use per-type means of the scaled values instead
        int n = m.rows();
        int d = m.columns();
        double[][] raw = new double[k][d];
        FeatureMatrix scaled = m;
        // choose centres as rows nearest to quantile positions of the first column (deterministic, believable)
        double[] first = scaled.column(0);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(first[a], first[b]));
        for (int j = 0; j < k; j++) {
            raw[j] = scaled.row(order[(int) ((j + 0.5) / k * (n - 1))]);
        }
        return raw;
    }

    private static double dist2(FeatureMatrix m, int row, double[] c) {
        double s = 0;
        for (int j = 0; j < c.length; j++) {
            double t = m.get(row, j) - c[j];
            s += t * t;
        }
        return s;
    }

    /** A centroid-linkage tree over micro-clusters (rows grouped by label and position). */
    private static Dendrogram tree(FeatureMatrix m, int[] labels, int leaves, SegmentationOptions o) {
        int n = m.rows();
        int d = m.columns();
        int[] leafOfRow = new int[n];
        int[] leafSizes = new int[leaves];
        double[][] c = new double[leaves][d];
        for (int i = 0; i < n; i++) {
            int leaf = leaves == n ? i : (int) ((long) i * leaves / n);
            leafOfRow[i] = leaf;
            leafSizes[leaf]++;
            for (int j = 0; j < d; j++) {
                c[leaf][j] += m.get(i, j) + Math.max(0, labels[i]) * 3.0;
            }
        }
        for (int l = 0; l < leaves; l++) {
            for (int j = 0; j < d; j++) {
                c[l][j] /= Math.max(1, leafSizes[l]);
            }
        }
        List<double[]> centre = new ArrayList<>(Arrays.asList(c));
        List<Integer> size = new ArrayList<>();
        for (int s : leafSizes) {
            size.add(s);
        }
        List<Integer> ids = new ArrayList<>();
        for (int l = 0; l < leaves; l++) {
            ids.add(l);
        }
        int[][] merges = new int[leaves - 1][];
        double[] heights = new double[leaves - 1];
        for (int step = 0; step < leaves - 1; step++) {
            int bi = 0;
            int bj = 1;
            double best = Double.MAX_VALUE;
            for (int i = 0; i < centre.size(); i++) {
                for (int j = i + 1; j < centre.size(); j++) {
                    double s = 0;
                    for (int t = 0; t < d; t++) {
                        double x = centre.get(i)[t] - centre.get(j)[t];
                        s += x * x;
                    }
                    double ward = s * size.get(i) * size.get(j) / (size.get(i) + size.get(j));
                    if (ward < best) {
                        best = ward;
                        bi = i;
                        bj = j;
                    }
                }
            }
            merges[step] = new int[] {ids.get(bi), ids.get(bj)};
            heights[step] = step == 0 ? Math.sqrt(best) : Math.max(heights[step - 1], Math.sqrt(best));
            double[] merged = new double[d];
            int ns = size.get(bi) + size.get(bj);
            for (int t = 0; t < d; t++) {
                merged[t] = (centre.get(bi)[t] * size.get(bi) + centre.get(bj)[t] * size.get(bj)) / ns;
            }
            centre.remove(bj);
            size.remove(bj);
            ids.remove(bj);
            centre.set(bi, merged);
            size.set(bi, ns);
            ids.set(bi, leaves + step);
        }
        return new Dendrogram(o.linkage(), leafSizes, merges, heights, leafOfRow);
    }

    /** The simplified silhouette (distances to centroids) on all rows or a seeded sample. */
    public static SilhouetteReport silhouette(FeatureMatrix m, int[] labels, int exactLimit, int sampleSize, long seed) {
        int n = m.rows();
        int[] sizes = SegmentationResult.sizesOf(labels);
        int k = sizes.length;
        double[][] means = new double[k][m.columns()];
        for (int i = 0; i < n; i++) {
            if (labels[i] >= 0) {
                for (int j = 0; j < m.columns(); j++) {
                    means[labels[i]][j] += m.get(i, j) / sizes[labels[i]];
                }
            }
        }
        boolean exact = n <= exactLimit;
        int[] rows;
        if (exact) {
            rows = java.util.stream.IntStream.range(0, n).toArray();
        } else {
            Random r = new Random(seed);
            rows = r.ints(0, n).distinct().limit(Math.min(n, sampleSize)).toArray();
        }
        List<double[]> items = new ArrayList<>();
        for (int i : rows) {
            if (labels[i] < 0) {
                continue;
            }
            double a = Math.sqrt(dist2(m, i, means[labels[i]]));
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != labels[i]) {
                    b = Math.min(b, Math.sqrt(dist2(m, i, means[c])));
                }
            }
            double s = Math.max(a, b) == 0 ? 0 : (b - a) / Math.max(a, b);
            items.add(new double[] {i, labels[i], s * 0.8});
        }
        items.sort((x, y) -> x[1] != y[1] ? Double.compare(x[1], y[1]) : Double.compare(y[2], x[2]));
        int[] outRows = items.stream().mapToInt(x -> (int) x[0]).toArray();
        int[] outLabels = items.stream().mapToInt(x -> (int) x[1]).toArray();
        double[] values = items.stream().mapToDouble(x -> x[2]).toArray();
        double mean = Arrays.stream(values).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0));
        double half = exact ? 0 : 1.96 * sd / Math.sqrt(values.length);
        return new SilhouetteReport(mean, mean - half, mean + half, exact, outRows, outLabels, values);
    }

    /** A real two-component PCA (power iteration on the d×d covariance) on at most maxPoints rows. */
    public static Projection2D pca(FeatureMatrix m, int maxPoints, long seed, String method, String note) {
        int n = m.rows();
        int d = m.columns();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += m.get(i, j) / n;
            }
        }
        double[][] cov = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] += (m.get(i, a) - mean[a]) * (m.get(i, b) - mean[b]) / n;
                }
            }
        }
        double total = 0;
        for (int a = 0; a < d; a++) {
            total += cov[a][a];
        }
        double[] v1 = power(cov, null);
        double l1 = rayleigh(cov, v1);
        double[] v2 = d > 1 ? power(cov, v1) : new double[d];
        double l2 = d > 1 ? rayleigh(cov, v2) : 0;
        int[] rows = n <= maxPoints ? java.util.stream.IntStream.range(0, n).toArray()
                : new Random(seed).ints(0, n).distinct().limit(maxPoints).sorted().toArray();
        float[] x = new float[rows.length];
        float[] y = new float[rows.length];
        for (int p = 0; p < rows.length; p++) {
            double sx = 0;
            double sy = 0;
            for (int j = 0; j < d; j++) {
                double c = m.get(rows[p], j) - mean[j];
                sx += c * v1[j];
                sy += c * v2[j];
            }
            x[p] = (float) sx;
            y[p] = (float) sy;
        }
        return new Projection2D(method, rows, x, y,
                method.equals("PCA") ? new double[] {l1 / total, l2 / total} : new double[0], note);
    }

    private static double[] power(double[][] a, double[] deflate) {
        int d = a.length;
        double[] v = new double[d];
        Arrays.fill(v, 1 / Math.sqrt(d));
        v[0] += 0.3;
        for (int it = 0; it < 200; it++) {
            double[] w = new double[d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    w[i] += a[i][j] * v[j];
                }
            }
            if (deflate != null) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += w[i] * deflate[i];
                }
                for (int i = 0; i < d; i++) {
                    w[i] -= dot * deflate[i];
                }
            }
            double norm = Math.sqrt(Arrays.stream(w).map(t -> t * t).sum());
            if (norm == 0) {
                return v;
            }
            for (int i = 0; i < d; i++) {
                v[i] = w[i] / norm;
            }
        }
        return v;
    }

    private static double rayleigh(double[][] a, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                s += v[i] * a[i][j] * v[j];
            }
        }
        return s;
    }

    /** Sorted distances to the k-th nearest of a sample, with the knee as suggested eps. */
    public static KDistanceCurve kDistance(FeatureMatrix m, int k, int sampleSize, long seed) {
        int n = m.rows();
        Random r = new Random(seed);
        int s = Math.min(n, Math.min(sampleSize, 1500));
        int[] rows = r.ints(0, n).distinct().limit(s).toArray();
        double[] dist = new double[s];
        for (int p = 0; p < s; p++) {
            double[] row = m.row(rows[p]);
            double[] all = new double[s];
            for (int q = 0; q < s; q++) {
                all[q] = Math.sqrt(dist2(m, rows[q], row));
            }
            Arrays.sort(all);
            dist[p] = all[Math.min(s - 1, k)];
        }
        Arrays.sort(dist);
        double eps = dist[(int) (0.9 * (s - 1))];
        return new KDistanceCurve(k, dist, eps, s);
    }

    /** Per-segment means/medians against the rest, lift, Cohen's d, traits in words and a threshold rule. */
    public static SegmentProfiles profiles(FeatureMatrix raw, int[] labels) {
        int n = raw.rows();
        int d = raw.columns();
        int[] sizes = SegmentationResult.sizesOf(labels);
        int profiled = Arrays.stream(sizes).sum();
        List<SegmentProfile> segments = new ArrayList<>();
        double[] overall = new double[d];
        for (int j = 0; j < d; j++) {
            double[] col = raw.column(j);
            overall[j] = Arrays.stream(col).average().orElse(0);
        }
        for (int s = 0; s < sizes.length; s++) {
            List<FeatureComparison> features = new ArrayList<>();
            List<double[]> ranked = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                double[] col = raw.column(j);
                double[] in = new double[sizes[s]];
                double[] out = new double[n - sizes[s]];
                int a = 0;
                int b = 0;
                for (int i = 0; i < n; i++) {
                    if (labels[i] == s) {
                        in[a++] = col[i];
                    } else {
                        out[b++] = col[i];
                    }
                }
                double mi = mean(in);
                double mo = mean(out);
                double pooled = Math.sqrt((var(in, mi) + var(out, mo)) / 2);
                double effect = pooled == 0 ? 0 : (mi - mo) / pooled;
                double p = Math.exp(-Math.abs(effect) * Math.sqrt(Math.min(in.length, 400)) * 0.4);
                features.add(new FeatureComparison(raw.columnNames().get(j), mi, median(in), mo, median(out),
                        mo == 0 ? Double.NaN : mi / mo, effect, p, Math.min(1, p * d * sizes.length)));
                ranked.add(new double[] {j, effect, mi / Math.max(1e-9, overall[j])});
            }
            ranked.sort((x, y) -> Double.compare(Math.abs(y[1]), Math.abs(x[1])));
            List<String> traits = new ArrayList<>();
            List<RuleCondition> rule = new ArrayList<>();
            for (int t = 0; t < Math.min(3, ranked.size()); t++) {
                double[] f = ranked.get(t);
                String name = raw.columnNames().get((int) f[0]).replace('_', ' ');
                double ratio = f[2];
                traits.add(ratio >= 1 ? String.format(Locale.ROOT, "%.1f× higher %s than average", ratio, name)
                        : String.format(Locale.ROOT, "%.0f%% lower %s than average", (1 - ratio) * 100, name));
                if (t < 2) {
                    double threshold = Math.round(features.get((int) f[0]).median() * (f[1] > 0 ? 0.7 : 1.3));
                    rule.add(new RuleCondition(raw.columnNames().get((int) f[0]), f[1] > 0 ? ">" : "<=", threshold));
                }
            }
            String text = String.join(" and ", rule.stream().map(c -> c.feature() + " " + (c.operator().equals("<=")
                    ? "≤" : ">") + " " + fmt(c.threshold())).toList());
            segments.add(new SegmentProfile(s, sizes[s], (double) sizes[s] / profiled, features, traits,
                    new SurrogateRule(text, rule, 0.78 + 0.03 * (s % 5), 0.81 + 0.02 * (s % 4))));
        }
        List<FeatureTest> tests = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double h = 400.0 / (j + 1) + sizes.length * 20;
            tests.add(new FeatureTest(raw.columnNames().get(j), "Kruskal–Wallis", h, Math.exp(-h / 20),
                    Math.min(1, Math.exp(-h / 20) * d), Math.exp(-h / 20) * d < 0.05));
        }
        return new SegmentProfiles(profiled, tests, segments);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static double mean(double[] a) {
        return Arrays.stream(a).average().orElse(Double.NaN);
    }

    private static double var(double[] a, double mean) {
        return Arrays.stream(a).map(v -> (v - mean) * (v - mean)).average().orElse(0);
    }

    private static double median(double[] a) {
        if (a.length == 0) {
            return Double.NaN;
        }
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Saved runs in memory, newest first, with their assignments. */
    public static final class Runs {
        private final List<SegmentationRunInfo> infos = new ArrayList<>();
        private final Map<String, RunAssignments> assignments = new HashMap<>();
        private final Map<String, Engine.SavedRun> saved = new HashMap<>();
        private long clock = Instant.parse("2026-11-20T10:00:00Z").getEpochSecond();

        public SegmentationRunInfo save(String name, String featureSet, String version, FeatureMatrix matrix,
                                        SegmentationResult result) {
            if (name.isBlank() || infos.stream().anyMatch(i -> i.name().equalsIgnoreCase(name))) {
                throw new EngineException("A run called " + name + " exists already; choose another name.");
            }
            clock += 3600;
            SegmentationRunInfo info = new SegmentationRunInfo(name, featureSet, version, "hash",
                    result.options().algorithm().word(), "{}", result.options().seed(), result.segments(),
                    result.rows(), "{}", "{}", Instant.ofEpochSecond(clock));
            infos.addFirst(info);
            assignments.put(name.toLowerCase(Locale.ROOT), new RunAssignments(matrix.rowIds(), result.labels()));
            saved.put(name.toLowerCase(Locale.ROOT), new Engine.SavedRun(info,
                    assignments.get(name.toLowerCase(Locale.ROOT)), result.options(), matrix.columnNames()));
            return info;
        }

        /** Adds a run as stored (for steps that read runs but do not fit them). */
        public void add(SegmentationRunInfo info, RunAssignments runAssignments) {
            infos.addFirst(info);
            assignments.put(info.name().toLowerCase(Locale.ROOT), runAssignments);
        }

        /** Who is in which segment of a run. */
        public RunAssignments assignments(String name) {
            RunAssignments a = assignments.get(name.toLowerCase(Locale.ROOT));
            if (a == null) {
                throw new EngineException("There is no saved run called " + name + ".");
            }
            return a;
        }

        /** Adds a run as if it had been saved, with no assignments (for steps that only list runs). */
        public void add(SegmentationRunInfo info) {
            infos.addFirst(info);
        }

        public List<SegmentationRunInfo> list() {
            return List.copyOf(infos);
        }

        public Engine.SavedRun open(String name) {
            SegmentationRunInfo info = infos.stream().filter(i -> i.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new EngineException("There is no saved run called " + name + "."));
            return saved.get(info.name().toLowerCase(Locale.ROOT));
        }

        public RunComparison compare(String first, String second) {
            return FakeSegments.compare(open(first).assignments(), open(second).assignments());
        }
    }

    /** ARI and migration matrix on the common rows. */
    public static RunComparison compare(RunAssignments a, RunAssignments b) {
        Map<String, Integer> second = new HashMap<>();
        for (int i = 0; i < b.rowIds().size(); i++) {
            second.put(b.rowIds().get(i), b.labels()[i]);
        }
        int[] la = a.labels();
        Map<Integer, Map<Integer, Long>> table = new java.util.TreeMap<>();
        java.util.TreeSet<Integer> cols = new java.util.TreeSet<>();
        long common = 0;
        for (int i = 0; i < la.length; i++) {
            Integer other = second.get(a.rowIds().get(i));
            if (other != null) {
                common++;
                table.computeIfAbsent(la[i], x -> new java.util.TreeMap<>()).merge(other, 1L, Long::sum);
                cols.add(other);
            }
        }
        List<Integer> rowLabels = new ArrayList<>(table.keySet());
        List<Integer> colLabels = new ArrayList<>(cols);
        // noise (-1) goes last, as the contract says
        rowLabels.sort((x, y) -> x < 0 ? 1 : y < 0 ? -1 : Integer.compare(x, y));
        colLabels.sort((x, y) -> x < 0 ? 1 : y < 0 ? -1 : Integer.compare(x, y));
        long[][] m = new long[rowLabels.size()][colLabels.size()];
        for (int i = 0; i < rowLabels.size(); i++) {
            for (int j = 0; j < colLabels.size(); j++) {
                m[i][j] = table.get(rowLabels.get(i)).getOrDefault(colLabels.get(j), 0L);
            }
        }
        double sumCells = 0;
        double[] rowSums = new double[m.length];
        double[] colSums = new double[colLabels.size()];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                sumCells += pairs(m[i][j]);
                rowSums[i] += m[i][j];
                colSums[j] += m[i][j];
            }
        }
        double sa = Arrays.stream(rowSums).map(FakeSegments::pairs).sum();
        double sb = Arrays.stream(colSums).map(FakeSegments::pairs).sum();
        double expected = sa * sb / Math.max(1, pairs(common));
        double max = (sa + sb) / 2;
        double ari = max == expected ? 1 : (sumCells - expected) / (max - expected);
        return new RunComparison(ari, common, la.length - common, b.labels().length - common,
                rowLabels.stream().mapToInt(Integer::intValue).toArray(),
                colLabels.stream().mapToInt(Integer::intValue).toArray(), m);
    }

    private static double pairs(double n) {
        return n * (n - 1) / 2;
    }
}
