package org.personaworkbench.app.cli;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.profile.ColumnProfile;
import org.personaworkbench.engine.profile.DatasetProfile;
import org.personaworkbench.engine.profile.Profiler;
import org.personaworkbench.engine.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;

/** {@code pwb profile PROJECT --dataset NAME}: the data profile of one dataset, column by column. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Profile a dataset: types, missing values, distinct counts, ranges, top values, histograms.")
final class ProfileCommand implements Callable<Integer> {

    @Mixin
    ProjectArgs project;

    @Mixin
    OutputOptions output;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The dataset to profile.")
    String dataset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CliProgress progress = new CliProgress(spec.commandLine().getErr(), output.json);
        DatasetProfile profile;
        try (Project p = project.open()) {
            if (!p.hasDataset(dataset)) {
                throw new EngineException("The project " + p.file() + " has no dataset named '" + dataset
                        + "'. List them with: pwb datasets " + project.project);
            }
            profile = new Profiler().profile(p, dataset, progress, CancellationToken.create());
        } finally {
            progress.finish();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(Json.write(profile));
        } else {
            printText(out, profile);
        }
        return 0;
    }

    private static void printText(PrintWriter out, DatasetProfile profile) {
        out.printf("Dataset '%s': %,d rows, %d columns%n%n", profile.dataset(), profile.rows(), profile.columns().size());
        for (ColumnProfile c : profile.columns()) {
            out.printf("%s  (%s, role %s)%n", c.name(), c.type().jsonName(), c.role().jsonName());
            out.printf("  missing %,d (%.1f%%), distinct %,d%n", c.missing(), 100 * c.missingShare(), c.distinct());
            if (c.mean() != null) {
                out.printf("  min %s  max %s  mean %s  median %s%n", num(c.min()), num(c.max()), num(c.mean()),
                        num(c.median()));
            } else if (c.minText() != null) {
                out.printf("  from %s to %s%n", c.minText(), c.maxText());
            }
            if (!c.topValues().isEmpty()) {
                out.println("  top: " + c.topValues().stream().limit(5)
                        .map(v -> "'" + v.value() + "' " + String.format("%,d", v.count()))
                        .collect(Collectors.joining(", ")));
            }
            if (c.histogram() != null) {
                out.println("  histogram: " + sparkline(c.histogram().counts()));
            }
        }
    }

    private static String num(Double value) {
        if (value == null) {
            return "-";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format("%,d", value.longValue())
                : String.format("%,.4g", value);
    }

    private static String sparkline(java.util.List<Long> counts) {
        String bars = "▁▂▃▄▅▆▇█";
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder s = new StringBuilder();
        for (long c : counts) {
            s.append(max == 0 ? bars.charAt(0) : bars.charAt((int) Math.round((bars.length() - 1) * (double) c / max)));
        }
        return s.toString();
    }

}
