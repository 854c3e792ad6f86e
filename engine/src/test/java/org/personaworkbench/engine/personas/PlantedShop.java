package org.personaworkbench.engine.personas;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.features.FeatureColumn;
import org.personaworkbench.engine.features.FeatureTable;
import org.personaworkbench.engine.features.FeatureTables;
import org.personaworkbench.engine.project.FeatureSetRecipe;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.segmentation.FeatureMatrix;
import org.personaworkbench.engine.segmentation.ProfileOptions;
import org.personaworkbench.engine.segmentation.SegmentProfiler;
import org.personaworkbench.engine.segmentation.SegmentProfiles;
import org.personaworkbench.engine.segmentation.SegmentationOptions;
import org.personaworkbench.engine.segmentation.SegmentationResult;
import org.personaworkbench.engine.segmentation.SegmentationRuns;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Customers in well-separated planted groups with RFM features, the truth as labels: 0 loyal high spenders,
 * 1 lapsed low spenders (bargain hunters), 2 new one-order customers, 3 frequent small-basket buyers, and
 * optionally 4 a second lapsed low-spending group that differs from group 1 only in tenure (long-standing
 * customers in group 1, recent sign-ups in group 4).
 */
public final class PlantedShop {

    static final List<String> COLUMNS = List.of("recency_days", "frequency", "monetary", "average_order_value",
            "tenure_days", "share_home_decor", "share_kitchen");

    public final List<String> ids = new ArrayList<>();
    final List<double[]> rows = new ArrayList<>();
    public final int[] labels;

    public PlantedShop(int perGroup, boolean twinLapsedGroups, long seed) {
        Random r = new Random(seed);
        int groups = twinLapsedGroups ? 5 : 4;
        labels = new int[perGroup * groups];
        int at = 0;
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < perGroup; i++) {
                double recency;
                double frequency;
                double aov;
                double tenure;
                switch (g) {
                    case 0 -> {
                        recency = 5 + r.nextInt(35);
                        frequency = 10 + r.nextInt(7);
                        aov = 150 + r.nextInt(100);
                        tenure = 250 + r.nextInt(100);
                    }
                    case 1 -> {
                        recency = 250 + r.nextInt(110);
                        frequency = 1 + r.nextInt(3);
                        aov = 15 + r.nextInt(15);
                        tenure = 600 + r.nextInt(200);
                    }
                    case 2 -> {
                        recency = 1 + r.nextInt(20);
                        frequency = 1;
                        aov = 30 + r.nextInt(30);
                        tenure = recency;
                    }
                    case 3 -> {
                        recency = 3 + r.nextInt(27);
                        frequency = 12 + r.nextInt(9);
                        aov = 8 + r.nextInt(7);
                        tenure = 350 + r.nextInt(100);
                    }
                    default -> {
                        recency = 250 + r.nextInt(110);
                        frequency = 1 + r.nextInt(3);
                        aov = 15 + r.nextInt(15);
                        tenure = 40 + r.nextInt(40);
                    }
                }
                double home = g == 0 ? 0.6 + r.nextDouble() * 0.2 : 0.1 + r.nextDouble() * 0.2;
                double kitchen = g == 3 ? 0.7 : 0.2 + r.nextDouble() * 0.1;
                ids.add(String.format("C%05d", at));
                rows.add(new double[] {recency, frequency, frequency * aov, aov, tenure, home, kitchen});
                labels[at++] = g;
            }
        }
    }

    FeatureMatrix matrix() {
        return FeatureMatrix.fromRows(COLUMNS, ids, rows.toArray(double[][]::new));
    }

    SegmentProfiles profiles() {
        return SegmentProfiler.profile(matrix(), labels, ProfileOptions.defaults(), Progress.NONE,
                CancellationToken.create());
    }

    double column(int row, String name) {
        return rows.get(row)[COLUMNS.indexOf(name)];
    }

    /** Saves the features as the RFM feature set "rfm" (categories "Home Decor", "Kitchen") and a run of the truth. */
    public void saveTo(Project project, String run) {
        if (project.featureSet("rfm").isEmpty()) {
            List<FeatureColumn> columns = new ArrayList<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                double[] values = new double[ids.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rows.get(i)[c];
                }
                columns.add(FeatureColumn.numeric(COLUMNS.get(c), c < 2, values));
            }
            FeatureTables.save(project, "rfm", new FeatureSetRecipe("orders", "rfm",
                            "{\"kind\":\"rfm\",\"topCategories\":[\"Home Decor\",\"Kitchen\"]}"),
                    new FeatureTable(ids, columns), false, CancellationToken.create());
        }
        int[] sizes = SegmentationResult.sizesOf(labels);
        SegmentationResult result = new SegmentationResult(SegmentationOptions.defaults().withK(sizes.length),
                labels, sizes.length, sizes, 0, 1.0, null, Double.NaN, null, null, 0.1);
        SegmentationRuns.save(project, run, "rfm", "v1", matrix(), result, profiles());
    }
}
