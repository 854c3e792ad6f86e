package org.personaworkbench.app.cli;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.features.FeatureSet;
import org.personaworkbench.engine.features.RfmFeatures;
import org.personaworkbench.engine.features.RfmOptions;
import org.personaworkbench.engine.features.SegmentCount;
import org.personaworkbench.engine.project.FeatureSetInfo;
import org.personaworkbench.engine.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pwb features rfm|list PROJECT}: computes and lists feature sets. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Compute customer features (RFM) and list the feature sets of a project.",
        subcommands = {FeaturesCommand.Rfm.class, FeaturesCommand.ListSets.class})
final class FeaturesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code pwb features rfm PROJECT --dataset T --name F}: RFM per customer, saved as feature set F. */
    @Command(name = "rfm", mixinStandardHelpOptions = true,
            description = "Compute recency, frequency, monetary (and more) per customer, score them 1-5, name "
                    + "the segments and save the result as a feature set (also visible as a dataset).")
    static final class Rfm implements Callable<Integer> {

        @Mixin
        ProjectArgs project;

        @Mixin
        OutputOptions output;

        @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The transactions dataset.")
        String dataset;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Name for the feature set.")
        String name;

        @Option(names = "--reference-date", paramLabel = "YYYY-MM-DD",
                description = "Day recency is measured to (default: the day after the last timestamp).")
        LocalDate referenceDate;

        @Option(names = "--include-cancelled", description = "Count cancelled lines (order id starting with C, "
                + "negative quantity) in recency, frequency and monetary too.")
        boolean includeCancelled;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RfmOptions options = RfmOptions.defaults(dataset, name).withReferenceDate(referenceDate)
                    .withExcludeCancelled(!includeCancelled);
            CliProgress progress = new CliProgress(spec.commandLine().getErr(), output.json);
            long start = System.nanoTime();
            FeatureSet set;
            try (Project p = project.open()) {
                CancellationToken cancel = CancellationToken.create();
                set = RfmFeatures.build(p, options, progress, cancel);
                RfmFeatures.save(p, set, cancel);
            } finally {
                progress.finish();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("featureSet", set.name());
                doc.put("dataset", set.dataset());
                doc.put("customers", set.customers().size());
                doc.put("referenceDate", set.referenceDate().toString());
                doc.put("excludeCancelled", options.excludeCancelled());
                doc.put("seconds", Math.round(seconds * 1000) / 1000.0);
                doc.put("segments", set.segments().stream().map(Rfm::segmentJson).toList());
                doc.put("columns", FeatureSet.COLUMNS);
                out.println(Json.write(doc));
            } else {
                out.printf("Feature set '%s' from dataset '%s': %,d customers, reference date %s (%.1f s)%n%n",
                        set.name(), set.dataset(), set.customers().size(), set.referenceDate(), seconds);
                out.printf("%-20s %10s %7s%n", "SEGMENT", "CUSTOMERS", "SHARE");
                for (SegmentCount s : set.segments()) {
                    out.printf("%-20s %,10d %6.1f%%%n", s.name(), s.customers(), 100 * s.share());
                }
                out.println();
                out.println("Columns: " + String.join(", ", FeatureSet.COLUMNS));
                out.println("Profile it with: pwb profile " + project.project + " --dataset " + set.name());
            }
            return 0;
        }

        private static Map<String, Object> segmentJson(SegmentCount s) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("name", s.name());
            doc.put("customers", s.customers());
            doc.put("share", Math.round(s.share() * 10_000) / 10_000.0);
            return doc;
        }
    }

    /** {@code pwb features list PROJECT}: the saved feature sets. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the project's feature sets.")
    static final class ListSets implements Callable<Integer> {

        @Mixin
        ProjectArgs project;

        @Mixin
        OutputOptions output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<FeatureSetInfo> sets = project.read(Project::featureSets);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                out.println(Json.write(sets.stream().map(ListSets::toJson).toList()));
            } else if (sets.isEmpty()) {
                out.println("No feature sets yet. Compute one with: pwb features rfm " + project.project
                        + " --dataset NAME --name NAME");
            } else {
                int width = Math.max(11, sets.stream().mapToInt(s -> s.name().length()).max().orElse(11));
                out.printf("%-" + width + "s %-6s %-20s %12s%n", "FEATURE SET", "KIND", "FROM DATASET", "ROWS");
                for (FeatureSetInfo s : sets) {
                    out.printf("%-" + width + "s %-6s %-20s %,12d%n", s.name(), s.kind(), s.sourceDataset(), s.rows());
                }
            }
            return 0;
        }

        private static Map<String, Object> toJson(FeatureSetInfo s) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("name", s.name());
            doc.put("kind", s.kind());
            doc.put("dataset", s.sourceDataset());
            doc.put("rows", s.rows());
            doc.put("createdAt", s.createdAt().toString());
            doc.put("recipe", Json.readTree(s.recipeJson()));
            return doc;
        }
    }
}
