package org.personaworkbench.engine.personas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.features.CategoryShares;
import org.personaworkbench.engine.features.FeatureColumn;
import org.personaworkbench.engine.features.FeatureTable;
import org.personaworkbench.engine.features.FeatureTables;
import org.personaworkbench.engine.features.RfmFeatures;
import org.personaworkbench.engine.project.FeatureSetInfo;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.segmentation.FeatureComparison;
import org.personaworkbench.engine.segmentation.SegmentProfile;
import org.personaworkbench.engine.segmentation.SegmentProfiles;
import org.personaworkbench.engine.segmentation.SegmentationRuns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Gathers {@link SegmentFacts} for every segment of a saved run: the run's assignments joined by customer id with
 * the run's own feature set when it has RFM columns, else with the project's first RFM feature set (kind
 * {@code rfm}, name order); figures are NaN where neither has the column. The profile saved with the run gives the
 * tested comparisons and traits.
 */
final class RunFacts {

    /** The RFM columns naming and goals look at. */
    static final List<String> RFM = List.of("recency_days", "frequency", "monetary", "average_order_value",
            "distinct_categories", "tenure_days");

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFacts() {
    }

    /** Segment numbers of the run in ascending order (noise left out). */
    static List<Integer> segments(RunAssignments assignments) {
        TreeSet<Integer> segments = new TreeSet<>();
        for (int label : assignments.labels()) {
            if (label >= 0) {
                segments.add(label);
            }
        }
        return List.copyOf(segments);
    }

    static List<SegmentFacts> of(Project project, SegmentationRunInfo run, CancellationToken cancel) {
        RunAssignments assignments = project.runAssignments(run.name());
        int[] labels = assignments.labels();
        List<Integer> segments = segments(assignments);
        SegmentProfiles profiles = SegmentationRuns.readProfiles(run);
        Map<Integer, SegmentProfile> profileOf = new HashMap<>();
        if (profiles != null) {
            profiles.segments().forEach(p -> profileOf.put(p.segment(), p));
        }
        Joined joined = join(project, run, assignments, cancel);
        int n = labels.length;
        double totalRevenue = 0;
        if (joined.monetary != null) {
            for (double v : joined.monetary) {
                totalRevenue += Double.isFinite(v) ? v : 0;
            }
        }
        List<SegmentFacts> out = new ArrayList<>();
        for (int segment : segments) {
            cancel.throwIfCancelled();
            boolean[] in = new boolean[n];
            long size = 0;
            for (int i = 0; i < n; i++) {
                in[i] = labels[i] == segment;
                size += in[i] ? 1 : 0;
            }
            double revenueShare = Double.NaN;
            if (joined.monetary != null && totalRevenue > 0) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += in[i] && Double.isFinite(joined.monetary[i]) ? joined.monetary[i] : 0;
                }
                revenueShare = sum / totalRevenue;
            }
            double aov = mean(joined.orderValue, in, true);
            double recency = median(joined.recency, in);
            double orders = mean(joined.frequency, in, true);
            List<String> top = topCategories(joined, in);
            PersonaFigures figures = new PersonaFigures(size, n == 0 ? Double.NaN : (double) size / n, revenueShare,
                    aov, recency, orders, top, joined.categoryField);

            SegmentProfile profile = profileOf.get(segment);
            Map<String, SegmentFacts.Signal> signals = new LinkedHashMap<>();
            List<FeatureComparison> tested = profile == null ? List.of() : profile.features();
            for (String column : RFM) {
                Optional<FeatureComparison> fromProfile = tested.stream()
                        .filter(c -> c.feature().equalsIgnoreCase(column)).findFirst();
                if (fromProfile.isPresent()) {
                    signals.put(column, SegmentFacts.Signal.of(fromProfile.get()));
                } else {
                    double[] values = joined.column(column);
                    if (values != null) {
                        signals.put(column, untested(values, in));
                    }
                }
            }
            out.add(new SegmentFacts(segment, figures, signals, tested,
                    profile == null ? List.of() : profile.traits(), joined.labels));
        }
        return out;
    }

    /**
     * The segment against the rest on a column the profile did not test (so not among the clustered features):
     * the lift is the ratio of medians when both are positive, because spend and order values are heavily skewed
     * and a few very large customers would otherwise make everyone else look small; else the ratio of means.
     */
    private static SegmentFacts.Signal untested(double[] values, boolean[] in) {
        double mine = mean(values, in, true);
        double others = mean(values, in, false);
        double mineMedian = median(values, in);
        boolean[] out = new boolean[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = !in[i];
        }
        double othersMedian = median(values, out);
        double lift = mineMedian > 0 && othersMedian > 0 ? mineMedian / othersMedian
                : others == 0 || !Double.isFinite(others) ? Double.NaN : mine / others;
        return new SegmentFacts.Signal(mine, others, lift, Double.NaN);
    }

    /** The RFM values of every assignment row (NaN where the customer or the column is missing). */
    private static final class Joined {
        double[] recency;
        double[] frequency;
        double[] monetary;
        double[] orderValue;
        double[] categories;
        double[] tenure;
        final List<double[]> shares = new ArrayList<>();
        final List<String> shareNames = new ArrayList<>();
        final Map<String, String> labels = new HashMap<>();
        String categoryField = PersonaFigures.CATEGORY;

        double[] column(String name) {
            return switch (name) {
                case "recency_days" -> recency;
                case "frequency" -> frequency;
                case "monetary" -> monetary;
                case "average_order_value" -> orderValue;
                case "distinct_categories" -> categories;
                case "tenure_days" -> tenure;
                default -> null;
            };
        }
    }

    private static Joined join(Project project, SegmentationRunInfo run, RunAssignments assignments,
                               CancellationToken cancel) {
        Joined joined = new Joined();
        Optional<FeatureSetInfo> source = project.featureSet(run.featureSet())
                .filter(info -> hasRfmColumns(project, info.name()));
        if (source.isEmpty()) {
            source = project.featureSets().stream().filter(info -> RfmFeatures.KIND.equals(info.kind())).findFirst();
        }
        if (source.isEmpty()) {
            return joined;
        }
        FeatureTable table = FeatureTables.load(project, source.get().name(), cancel);
        Map<String, Integer> rowOf = new HashMap<>(table.rows() * 2);
        for (int r = 0; r < table.rows(); r++) {
            rowOf.putIfAbsent(table.rowIds().get(r), r);
        }
        List<String> ids = assignments.rowIds();
        int[] at = new int[ids.size()];
        for (int i = 0; i < at.length; i++) {
            Integer r = rowOf.get(ids.get(i));
            at[i] = r == null ? -1 : r;
        }
        joined.recency = values(table, "recency_days", at);
        joined.frequency = values(table, "frequency", at);
        joined.monetary = values(table, "monetary", at);
        joined.orderValue = values(table, "average_order_value", at);
        if (joined.orderValue == null && joined.monetary != null && joined.frequency != null) {
            joined.orderValue = new double[at.length];
            for (int i = 0; i < at.length; i++) {
                joined.orderValue[i] = joined.frequency[i] > 0 ? joined.monetary[i] / joined.frequency[i] : Double.NaN;
            }
        }
        joined.categories = values(table, "distinct_categories", at);
        joined.tenure = values(table, "tenure_days", at);
        Map<String, String> realNames = categoryNames(source.get());
        joined.categoryField = categoryField(project, source.get());
        for (FeatureColumn column : table.columns()) {
            String name = column.name().toLowerCase(Locale.ROOT);
            if (name.startsWith("share_") && !column.isText()) {
                String label = realNames.getOrDefault(name, pretty(name.substring("share_".length())));
                joined.shares.add(values(table, column.name(), at));
                joined.shareNames.add(label);
                joined.labels.put(name, label);
            }
        }
        return joined;
    }

    private static boolean hasRfmColumns(Project project, String dataset) {
        return project.dataset(dataset).map(info -> info.columns().stream()
                .anyMatch(c -> List.of("recency_days", "frequency", "monetary")
                        .contains(c.name().toLowerCase(Locale.ROOT)))).orElse(false);
    }

    /**
     * The name of the category-role column of the transactions an RFM feature set was computed from ("Country"
     * in UCI Online Retail), or "category" when the recipe or dataset does not say.
     */
    private static String categoryField(Project project, FeatureSetInfo info) {
        try {
            String dataset = JSON.readTree(info.recipeJson()).path("dataset").asText("");
            return project.dataset(dataset).flatMap(d -> d.columns().stream()
                            .filter(c -> c.role() == org.personaworkbench.engine.importing.ColumnRole.CATEGORY)
                            .map(org.personaworkbench.engine.project.DatasetColumn::name).findFirst())
                    .orElse(PersonaFigures.CATEGORY);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return PersonaFigures.CATEGORY;
        }
    }

    /** Share column → category as the recipe of an RFM feature set keeps it ({@code topCategories}). */
    private static Map<String, String> categoryNames(FeatureSetInfo info) {
        Map<String, String> out = new HashMap<>();
        try {
            JsonNode recipe = JSON.readTree(info.recipeJson());
            List<String> categories = new ArrayList<>();
            recipe.path("topCategories").forEach(c -> categories.add(c.asText()));
            List<String> columns = CategoryShares.columnNames(categories);
            for (int i = 0; i < categories.size(); i++) {
                out.put(columns.get(i), categories.get(i));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            // a recipe without categories: column suffixes are prettified instead
        }
        return out;
    }

    /** {@code home_decor} → "Home decor". */
    static String pretty(String slug) {
        String words = slug.replace('_', ' ').strip();
        return words.isEmpty() ? "Other" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static double[] values(FeatureTable table, String name, int[] at) {
        Optional<FeatureColumn> column = table.column(name).filter(c -> !c.isText());
        if (column.isEmpty()) {
            return null;
        }
        double[] source = column.get().numbers();
        double[] out = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            out[i] = at[i] < 0 ? Double.NaN : source[at[i]];
        }
        return out;
    }

    private static List<String> topCategories(Joined joined, boolean[] in) {
        record Share(String name, double mean) {
        }
        List<Share> shares = new ArrayList<>();
        for (int k = 0; k < joined.shares.size(); k++) {
            double m = mean(joined.shares.get(k), in, true);
            if (Double.isFinite(m) && m > 0) {
                shares.add(new Share(joined.shareNames.get(k), m));
            }
        }
        shares.sort((a, b) -> Double.compare(b.mean(), a.mean()));
        return shares.stream().limit(3).map(Share::name).toList();
    }

    /** Mean of the finite values of the rows in ({@code inside}) or outside the segment; NaN without any. */
    private static double mean(double[] values, boolean[] in, boolean inside) {
        if (values == null) {
            return Double.NaN;
        }
        double sum = 0;
        long count = 0;
        for (int i = 0; i < values.length; i++) {
            if (in[i] == inside && Double.isFinite(values[i])) {
                sum += values[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static double median(double[] values, boolean[] in) {
        if (values == null) {
            return Double.NaN;
        }
        double[] mine = new double[values.length];
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (in[i] && Double.isFinite(values[i])) {
                mine[count++] = values[i];
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        Arrays.sort(mine, 0, count);
        return count % 2 == 1 ? mine[count / 2] : (mine[count / 2 - 1] + mine[count / 2]) / 2;
    }
}
