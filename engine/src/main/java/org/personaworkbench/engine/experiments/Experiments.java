package org.personaworkbench.engine.experiments;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.project.Project;

import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.experiments.AbTestReport.VariantSummary;
import org.personaworkbench.engine.experiments.ExperimentDefinition.BreakdownKind;
import org.personaworkbench.engine.project.DatasetInfo;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Experiments of a project: saving and listing their definitions (JSON documents of kind {@value #KIND}),
 * reading their rows from a project dataset or a CSV file (joining personas or a rule segment by customer id for
 * the breakdown) and reading them out with {@link AbTest}.
 */
public final class Experiments {

    /** The project document kind of saved experiment definitions. */
    public static final String KIND = "experiment";

    private Experiments() {
    }

    /** Saved experiments in name order. */
    public static List<ExperimentDefinition> saved(Project project) {
        List<ExperimentDefinition> out = new ArrayList<>();
        project.documents(KIND).forEach((name, json) -> out.add(DefinitionJson.read(json).withName(name)));
        return out;
    }

    /** The saved experiment with this name, ignoring case. */
    public static Optional<ExperimentDefinition> saved(Project project, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return project.document(KIND, name).map(DefinitionJson::read);
    }

    /**
     * Saves (or replaces, by name ignoring case) a definition after checking its columns exist.
     *
     * @return the definition as saved: column names spelled as in the dataset
     * @throws EngineException when the name is empty, the dataset or a named column is missing, or the
     *                         breakdown names a run or rule the project does not have
     */
    public static ExperimentDefinition save(Project project, ExperimentDefinition definition) {
        if (definition.name() == null || definition.name().isBlank()) {
            throw new EngineException("Give the experiment a name.");
        }
        ExperimentDefinition checked = ExperimentChecks.check(project, definition.withName(definition.name().strip()));
        project.saveDocument(KIND, checked.name(), DefinitionJson.write(checked));
        return checked;
    }

    /** Deletes a saved experiment; false when there was none. */
    public static boolean delete(Project project, String name) {
        return name != null && !name.isBlank() && project.deleteDocument(KIND, name.strip());
    }

    /** The distinct values of a dataset column in order of first appearance (at most 50), to pick the control. */
    public static List<String> variants(Project project, String dataset, String column, CancellationToken cancel) {
        DatasetInfo info = ExperimentChecks.dataset(project, dataset);
        int index = ExperimentChecks.column(info, column, "variant column");
        return project.query(info.name(), (connection, table, quoted) -> {
            Set<String> seen = new LinkedHashSet<>();
            try (Statement lazy = connection.createStatement()) {
                lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            try (PreparedStatement st = connection.prepareStatement("SELECT " + quoted.get(index) + " FROM "
                    + table, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                st.setFetchSize(10_000);
                try (ResultSet rows = st.executeQuery()) {
                    long n = 0;
                    while (rows.next() && seen.size() < MAX_VARIANTS) {
                        if ((++n & 0x3FFF) == 0) {
                            cancel.throwIfCancelled();
                        }
                        String v = DatasetRows.text(rows, 1);
                        if (!v.isEmpty()) {
                            seen.add(v);
                        }
                    }
                }
            }
            return List.copyOf(seen);
        });
    }

    /** At most this many distinct values are offered as variants. */
    public static final int MAX_VARIANTS = 50;

    /**
     * Reads the definition's dataset of {@code project} and reads the test out, with the bandit replay from
     * {@link BanditReplay#DEFAULT_SEED} for per-user conversions.
     *
     * @throws EngineException          when the dataset, a column, the run or the rule is missing, or a value
     *                                  cannot be read (the message names the row and column)
     * @throws IllegalArgumentException when the control is not a variant or fewer than two variants remain
     */
    public static ExperimentReadout analyse(Project project, ExperimentDefinition definition, Progress progress,
                                            CancellationToken cancel) {
        return analyse(project, definition, BanditReplay.DEFAULT_SEED, progress, cancel);
    }

    /**
     * As {@link #analyse(Project, ExperimentDefinition, Progress, CancellationToken)} with the bandit replay's seed;
     * a null seed leaves the replay out.
     */
    public static ExperimentReadout analyse(Project project, ExperimentDefinition definition, Long banditSeed,
                                            Progress progress, CancellationToken cancel) {
        ExperimentDefinition d = ExperimentChecks.check(project, definition);
        DatasetInfo info = ExperimentChecks.dataset(project, d.dataset());
        SegmentLabels labels = SegmentLabels.of(project, d, cancel);
        ArmRows rows = d.aggregated() ? ArmRows.aggregated(aggregateColumns(d))
                : ArmRows.perUser(columns(d, labels), labels);
        List<String> chosen = d.aggregated()
                ? Arrays.asList(d.variantColumn(), d.usersColumn(), d.conversionColumn(), d.metricSumColumn(),
                        d.metricSumSquaresColumn())
                : Arrays.asList(d.variantColumn(), d.conversionColumn(), d.metricColumn(), d.covariateColumn(),
                        labels.keyColumn());
        int[] at = chosen.stream().mapToInt(c -> c == null ? -1 : ExperimentChecks.column(info, c, "column")).toArray();
        String where = "The dataset '" + info.name() + "', row ";
        project.query(info.name(), (connection, table, quoted) -> {
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < at.length; i++) {
                sql.append(i == 0 ? "" : ", ").append(at[i] < 0 ? "NULL" : quoted.get(at[i]));
            }
            sql.append(" FROM ").append(table);
            try (Statement lazy = connection.createStatement()) {
                lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            try (PreparedStatement st = connection.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                st.setFetchSize(10_000);
                try (ResultSet r = st.executeQuery()) {
                    long n = 0;
                    while (r.next()) {
                        if ((++n & 0x0FFF) == 0) {
                            cancel.throwIfCancelled();
                            progress.report(n, info.rows(), String.format(Locale.ROOT, "Read %,d of %,d rows", n,
                                    info.rows()));
                        }
                        long row = n;
                        String[] cell = new String[at.length];
                        for (int i = 0; i < at.length; i++) {
                            cell[i] = at[i] < 0 ? null : DatasetRows.text(r, i + 1);
                        }
                        if (d.aggregated()) {
                            rows.aggregate(cell[0], cell[1], cell[2], cell[3], cell[4], () -> where + row);
                        } else {
                            rows.user(cell[0], cell[1], cell[2], cell[3], cell[4], () -> where + row);
                        }
                    }
                }
            }
            return null;
        });
        cancel.throwIfCancelled();
        progress.report(info.rows(), info.rows(), String.format(Locale.ROOT, "Read %,d rows", rows.rows()));
        return readout(d, rows.result(), labels, banditSeed, cancel);
    }

    /**
     * Reads a CSV file (the definition's {@code dataset} is ignored) and reads the test out; {@code project} (may be
     * null) is only used to join personas or a rule segment. The bandit replay is from
     * {@link BanditReplay#DEFAULT_SEED}.
     *
     * @throws EngineException          when the file, a column, the run or the rule is missing, or a value cannot
     *                                  be read (the message names the line and column)
     * @throws IllegalArgumentException when the control is not a variant or fewer than two variants remain
     */
    public static ExperimentReadout analyseFile(Path csv, ExperimentDefinition definition, Project project,
                                                Progress progress, CancellationToken cancel) {
        return analyseFile(csv, definition, project, BanditReplay.DEFAULT_SEED, progress, cancel);
    }

    /**
     * As {@link #analyseFile(Path, ExperimentDefinition, Project, Progress, CancellationToken)} with the bandit
     * replay's seed; a null seed leaves the replay out.
     */
    public static ExperimentReadout analyseFile(Path csv, ExperimentDefinition definition, Project project,
                                                Long banditSeed, Progress progress, CancellationToken cancel) {
        ExperimentChecks.shape(definition);
        SegmentLabels labels = SegmentLabels.of(project, definition, cancel);
        ArmRows.Result result = definition.aggregated()
                ? ExperimentFiles.readAggregated(csv, aggregateColumns(definition), progress, cancel)
                : ExperimentFiles.read(csv, columns(definition, labels), labels,
                        definition.breakdown().kind() == BreakdownKind.COLUMN ? "--segment-col" : "--customer-col",
                        progress, cancel);
        return readout(definition, result, labels, banditSeed, cancel);
    }

    private static ExperimentFiles.Columns columns(ExperimentDefinition d, SegmentLabels labels) {
        return new ExperimentFiles.Columns(d.variantColumn(), d.conversionColumn(), d.metricColumn(),
                d.covariateColumn(), labels.keyColumn());
    }

    private static ExperimentFiles.AggregateColumns aggregateColumns(ExperimentDefinition d) {
        return new ExperimentFiles.AggregateColumns(d.variantColumn(), d.usersColumn(), d.conversionColumn(),
                d.metricSumColumn(), d.metricSumSquaresColumn());
    }

    /** The readout, with the bandit replay ({@value BanditReplay#DEFAULT_RUNS} runs) when users have conversions. */
    private static ExperimentReadout readout(ExperimentDefinition d, ArmRows.Result rows, SegmentLabels labels,
                                             Long banditSeed, CancellationToken cancel) {
        AbTestReport report = AbTest.analyse(rows.arms(), d.options());
        VariantSummary control = report.variants().stream().filter(v -> v.name().equals(report.control()))
                .findFirst().orElseThrow();
        ExperimentReadout.Baseline baseline = new ExperimentReadout.Baseline(
                d.hasConversion() ? control.rate() : Double.NaN,
                control.sd() == null ? Double.NaN : control.sd(), control.users());
        return new ExperimentReadout(d, report, Verdict.lines(report, d.hasConversion()), rows.rowsUsed(),
                rows.rowsSkipped(), labels.description(), rows.unmatched(), baseline,
                banditSeed != null && d.hasConversion() && !d.aggregated()
                        ? BanditReplay.replay(rows.arms(), banditSeed, BanditReplay.DEFAULT_RUNS, cancel) : null);
    }
}
