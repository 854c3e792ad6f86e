package org.personaworkbench.app.cli;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.experiments.AbTestReport;
import org.personaworkbench.engine.experiments.AbTestReport.Comparison;
import org.personaworkbench.engine.experiments.AbTestReport.Heterogeneity;
import org.personaworkbench.engine.experiments.AbTestReport.SegmentLift;
import org.personaworkbench.engine.experiments.AbTestReport.VariantSummary;
import org.personaworkbench.engine.experiments.BanditReplay;
import org.personaworkbench.engine.experiments.ExperimentDefinition;
import org.personaworkbench.engine.experiments.ExperimentDefinition.Breakdown;
import org.personaworkbench.engine.experiments.ExperimentDefinition.BreakdownKind;
import org.personaworkbench.engine.experiments.ExperimentReadout;
import org.personaworkbench.engine.experiments.Experiments;
import org.personaworkbench.engine.experiments.ReadoutExport;
import org.personaworkbench.engine.project.Project;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static org.personaworkbench.engine.experiments.Verdict.p;
import static org.personaworkbench.engine.experiments.Verdict.percent;
import static org.personaworkbench.engine.experiments.Verdict.points;

/**
 * {@code pwb abtest}: the readout of an A/B test from a CSV file or a project dataset (per-user or aggregated
 * rows), optionally broken down by a column, the personas of a saved run or a rule segment, and saved in the
 * project as a named experiment. The figures, words and JSON come from the engine's experiments package.
 */
@Command(name = "abtest", mixinStandardHelpOptions = true,
        description = "Read out an A/B test from a CSV with one row per user (or a project dataset): conversion "
                + "rates, lifts, tests, Bayesian probability to beat control, sample-ratio check, metric tests and a "
                + "segment, persona or rule-segment breakdown.")
final class AbTestCommand implements Callable<Integer> {

    @Option(names = "--csv", paramLabel = "FILE", description = "CSV with one row per user.")
    Path csv;

    @Option(names = "--project", paramLabel = "P",
            description = "The project (for --dataset, --experiment, --save and persona or rule breakdowns).")
    Path project;

    @Option(names = "--dataset", paramLabel = "D", description = "Read the rows from this project dataset.")
    String dataset;

    @Option(names = "--experiment", paramLabel = "NAME",
            description = "Read out the experiment saved in the project under this name.")
    String experiment;

    @Option(names = "--save", paramLabel = "NAME",
            description = "Save this definition in the project (with --dataset) under this name.")
    String save;

    @Option(names = "--variant-col", paramLabel = "C", description = "Column naming the variant.")
    String variantCol;

    @Option(names = "--control", paramLabel = "NAME", description = "The control variant.")
    String control;

    @Option(names = "--conversion-col", paramLabel = "C", description = "Converted: 0/1, true/false or yes/no.")
    String conversionCol;

    @Option(names = "--metric-col", paramLabel = "C", description = "A numeric metric per user (e.g. revenue).")
    String metricCol;

    @Option(names = "--covariate-col", paramLabel = "C",
            description = "Pre-period value of the metric, for CUPED (needs --metric-col).")
    String covariateCol;

    @Option(names = "--segment-col", paramLabel = "C", description = "Break the conversion lift down by this column.")
    String segmentCol;

    @Option(names = "--customer-col", paramLabel = "C",
            description = "Customer id column, to join personas (--persona-run, --personas) or a rule (--rule).")
    String customerCol;

    @Option(names = "--persona-run", paramLabel = "RUN",
            description = "Break the lift down by the personas of this saved segmentation run.")
    String personaRun;

    @Option(names = "--personas",
            description = "Break the lift down by the personas of the newest run with personas.")
    boolean personas;

    @Option(names = "--rule", paramLabel = "NAME",
            description = "Break the lift down by in / not in this saved rule segment (or rule text).")
    String rule;

    @Option(names = "--expected-split", paramLabel = "W,W,...", split = ",",
            description = "Planned split in the variants' order of first appearance (default equal), e.g. 50,50.")
    double[] expectedSplit;

    @Option(names = "--users-col", paramLabel = "C",
            description = "Aggregated rows: the users column (--conversion-col then holds conversion counts).")
    String usersCol;

    @Option(names = "--metric-sum-col", paramLabel = "C", description = "Aggregated rows: the metric's sum.")
    String metricSumCol;

    @Option(names = "--metric-sumsq-col", paramLabel = "C",
            description = "Aggregated rows: the metric's sum of squares.")
    String metricSumSqCol;

    @Option(names = "--prior", paramLabel = "A,B", split = ",", description = "Beta prior of the rates (default 1,1).")
    double[] prior;

    @Option(names = "--export", paramLabel = "FILE",
            description = "Also write the readout to FILE: JSON when it ends in .json, else a CSV with a row per "
                    + "figure.")
    Path export;

    @Option(names = "--bandit",
            description = "Also replay the users through a Thompson-sampling bandit against the fixed equal split "
                    + "(per-user conversion rows only): conversions, regret and share of users per arm.")
    boolean bandit;

    @Option(names = "--bandit-seed", paramLabel = "N",
            description = "Seed of the bandit replay (default 1; implies --bandit). The same seed gives the same "
                    + "figures.")
    Long banditSeed;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExperimentReadout readout;
        try {
            if (experiment != null) {
                readout = saved();
            } else {
                ExperimentDefinition definition = definition();
                readout = project == null ? Experiments.analyseFile(csv, definition, null, seed(),
                        new CliProgress(spec.commandLine().getErr(), output.json), CancellationToken.create())
                        : withProject(p -> read(p, definition));
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        boolean replay = bandit || banditSeed != null;
        if (export != null) {
            ReadoutExport.write(readout, export);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(ReadoutExport.json(readout));
        } else {
            text(out, readout);
            if (replay) {
                banditText(out, readout);
            }
        }
        return 0;
    }

    /** The bandit replay's seed, or null (no replay) without --bandit / --bandit-seed. */
    private Long seed() {
        return banditSeed != null ? banditSeed : bandit ? Long.valueOf(BanditReplay.DEFAULT_SEED) : null;
    }

    private static void banditText(PrintWriter out, ExperimentReadout readout) {
        BanditReplay.Report b = readout.bandit();
        out.println();
        if (b == null) {
            out.println("Bandit replay: needs per-user rows with a conversion column.");
            return;
        }
        out.printf(Locale.ROOT, "Bandit replay (bootstrap replay of the users in random order, %d runs from seed %d; "
                + "best observed arm %s):%n", b.runs(), b.seed(), b.bestArm());
        out.printf("  %-12s %10s %12s %10s  %s%n", "STRATEGY", "USERS", "CONVERSIONS", "REGRET", "SHARE OF USERS");
        for (BanditReplay.Strategy s : b.strategies()) {
            StringBuilder share = new StringBuilder();
            for (int a = 0; a < b.arms().size(); a++) {
                share.append(a == 0 ? "" : ", ").append(b.arms().get(a)).append(' ')
                        .append(String.format(Locale.ROOT, "%.1f%%", s.share()[a] * 100));
            }
            out.printf(Locale.ROOT, "  %-12s %,10d %,12.1f %,10.1f  %s%n",
                    s.name().equals(BanditReplay.THOMPSON) ? "Thompson" : "fixed split", s.users(), s.conversions(),
                    s.regret(), share);
        }
        out.println("  Regret: expected conversions lost against sending every user to the best observed arm.");
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The definition the options give (checked for combinations that cannot work). */
    private ExperimentDefinition definition() {
        if ((csv == null) == (dataset == null)) {
            throw usage("Give --csv FILE, or --project P with --dataset D (or --experiment NAME).");
        }
        if (dataset != null && project == null) {
            throw usage("--dataset needs --project.");
        }
        if (variantCol == null || control == null) {
            throw usage("Give --variant-col and --control (or read a saved --experiment).");
        }
        if (usersCol != null && conversionCol == null) {
            throw usage("Aggregated rows (--users-col) need --conversion-col with the conversion counts.");
        }
        if (usersCol == null && conversionCol == null && metricCol == null) {
            throw usage("Give --conversion-col, --metric-col or both.");
        }
        int breakdowns = (segmentCol != null ? 1 : 0) + (personaRun != null || personas ? 1 : 0)
                + (rule != null ? 1 : 0);
        if (breakdowns > 1 || (personaRun != null && personas)) {
            throw usage("Choose one breakdown: --segment-col, --persona-run/--personas or --rule.");
        }
        boolean join = personaRun != null || personas || rule != null;
        if (join && (customerCol == null || project == null)) {
            throw usage("A persona or rule breakdown needs --project and --customer-col to join on.");
        }
        if (save != null && dataset == null) {
            throw usage("--save needs --project and --dataset: a saved experiment reads a project dataset.");
        }
        if (prior != null && (prior.length != 2 || prior[0] <= 0 || prior[1] <= 0)) {
            throw usage("--prior takes two positive numbers, e.g. 1,1.");
        }
        Breakdown breakdown = segmentCol != null ? new Breakdown(BreakdownKind.COLUMN, segmentCol)
                : personaRun != null || personas ? new Breakdown(BreakdownKind.PERSONAS, personaRun)
                : rule != null ? new Breakdown(BreakdownKind.RULE, rule) : Breakdown.NONE;
        return new ExperimentDefinition(save == null ? "abtest" : save, dataset, variantCol, control, conversionCol,
                metricCol, covariateCol, customerCol, usersCol, metricSumCol, metricSumSqCol, breakdown,
                expectedSplit, 0.95, prior == null ? 1 : prior[0], prior == null ? 1 : prior[1]);
    }

    private ExperimentReadout read(Project p, ExperimentDefinition definition) {
        ExperimentDefinition d = definition;
        if (save != null) {
            d = Experiments.save(p, definition);
            spec.commandLine().getErr().println("Saved experiment '" + d.name() + "' in " + p.file() + ".");
        }
        CliProgress progress = new CliProgress(spec.commandLine().getErr(), output.json);
        return csv != null ? Experiments.analyseFile(csv, d, p, seed(), progress, CancellationToken.create())
                : Experiments.analyse(p, d, seed(), progress, CancellationToken.create());
    }

    private ExperimentReadout saved() {
        if (project == null) {
            throw usage("--experiment needs --project.");
        }
        if (csv != null || dataset != null || save != null) {
            throw usage("--experiment reads the saved definition; leave out --csv, --dataset and --save.");
        }
        return withProject(p -> {
            ExperimentDefinition d = Experiments.saved(p, experiment).orElseThrow(() -> new EngineException(
                    "The project has no saved experiment named '" + experiment + "'" + (Experiments.saved(p).isEmpty()
                            ? "; it has none. Save one with --save NAME."
                            : ". Saved: " + Experiments.saved(p).stream().map(ExperimentDefinition::name)
                                    .collect(Collectors.joining(", ")) + ".")));
            return Experiments.analyse(p, d, seed(), new CliProgress(spec.commandLine().getErr(), output.json),
                    CancellationToken.create());
        });
    }

    private ExperimentReadout withProject(java.util.function.Function<Project, ExperimentReadout> work) {
        ProjectArgs args = new ProjectArgs();
        args.project = project;
        return args.read(work);
    }

    private static void text(PrintWriter out, ExperimentReadout readout) {
        AbTestReport r = readout.report();
        boolean conversion = readout.conversion();
        readout.verdict().forEach(out::println);

        out.println();
        out.printf("%-12s %10s %11s %8s %19s %12s %23s%n", "VARIANT", "USERS", "CONVERSIONS", "RATE %",
                "95% CI (Wilson) %", "MEAN", "95% CI");
        for (VariantSummary v : r.variants()) {
            out.printf(Locale.ROOT, "%-12s %,10d %11s %8s %19s %12s %23s%n", v.name(), v.users(),
                    conversion ? String.format(Locale.ROOT, "%,d", v.conversions()) : "-",
                    conversion ? points(v.rate()) : "-",
                    conversion ? points(v.rateCi().lo()) + " to " + points(v.rateCi().hi()) : "-",
                    v.mean() == null ? "-" : String.format(Locale.ROOT, "%.4g", v.mean()),
                    v.meanCi() == null ? "-" : String.format(Locale.ROOT, "%.4g to %.4g", v.meanCi().lo(),
                            v.meanCi().hi()));
        }
        out.println();
        for (Comparison c : r.comparisons()) {
            out.println(c.variant() + " vs " + c.control() + ":");
            if (conversion) {
                out.printf(Locale.ROOT, "  lift %s points (95%% CI %s to %s); relative %s%n", points(c.absLift()),
                        points(c.absLiftCi().lo()), points(c.absLiftCi().hi()),
                        c.relLift() == null ? "n/a" : percent(c.relLift()) + "% (95% CI " + percent(c.relLiftCi().lo())
                                + "% to " + percent(c.relLiftCi().hi()) + "%)");
                out.printf(Locale.ROOT, "  z-test p %s (Holm %s, BH %s); chi-square p %s, with Yates p %s%s%n",
                        p(c.zP()), p(c.holmP()), p(c.bhP()), c.chi2P() == null ? "n/a" : p(c.chi2P()),
                        c.chi2YatesP() == null ? "n/a" : p(c.chi2YatesP()),
                        c.fisherP() == null ? "" : "; Fisher exact p " + p(c.fisherP()));
                out.printf(Locale.ROOT, "  P(%s beats %s) = %.4g (%s); expected loss %.3g points%n", c.variant(),
                        c.control(), c.probBeatControl(), c.probMethod(), c.expectedLoss() * 100);
                if (c.sequential() != null) {
                    out.printf(Locale.ROOT, "  always-valid (mSPRT, %s) p %s; 95%% CI %s to %s points%n",
                            c.sequential().arrivalOrder() ? "rows in file order" : "final counts",
                            p(c.sequential().alwaysValidP()), points(c.sequential().alwaysValidCi().lo()),
                            points(c.sequential().alwaysValidCi().hi()));
                }
            }
            if (c.meanDiff() != null) {
                out.printf(Locale.ROOT, "  mean difference %.4g%s; Welch p %s%s%n", c.meanDiff(),
                        c.meanDiffCi() == null ? "" : String.format(Locale.ROOT, " (95%% CI %.4g to %.4g)",
                                c.meanDiffCi().lo(), c.meanDiffCi().hi()),
                        c.welchP() == null ? "n/a" : p(c.welchP()),
                        (c.mannWhitneyP() == null ? "" : "; Mann-Whitney p " + p(c.mannWhitneyP()))
                                + (c.metricProbBeatControl() == null ? "" : String.format(Locale.ROOT,
                                "; P(higher mean) = %.3g", c.metricProbBeatControl())));
            }
            if (c.cuped() != null) {
                out.printf(Locale.ROOT, "  CUPED: theta %.4g, variance reduced by %.1f%%, adjusted difference %.4g "
                                + "(95%% CI %.4g to %.4g), p %s%n", c.cuped().theta(),
                        c.cuped().varianceReduction() * 100, c.cuped().meanDiff(), c.cuped().meanDiffCi().lo(),
                        c.cuped().meanDiffCi().hi(), p(c.cuped().p()));
            }
        }
        out.printf(Locale.ROOT, "%nSample ratio: chi-square %.4g, p %s against the planned split.%n",
                r.srm().chi2(), p(r.srm().p()));
        if (conversion && !r.breakdown().isEmpty()) {
            out.println();
            int width = Math.max(16, r.breakdown().stream().mapToInt(s -> s.segment().length()).max().orElse(0));
            int variantWidth = Math.max(10, r.breakdown().stream().mapToInt(s -> s.variant().length()).max().orElse(0));
            String columns = "%-" + width + "s %-" + variantWidth + "s ";
            out.printf(columns + "%10s %10s %10s %23s %9s %9s%n", "SEGMENT", "VARIANT", "USERS", "CTRL USERS",
                    "LIFT pts", "95% CI pts", "p", "BH p");
            for (SegmentLift s : r.breakdown()) {
                out.printf(Locale.ROOT, columns + "%,10d %,10d %10s %23s %9s %9s%s%n", s.segment(), s.variant(),
                        s.variantUsers(), s.controlUsers(), points(s.absLift()),
                        points(s.absLiftCi().lo()) + " to " + points(s.absLiftCi().hi()), p(s.zP()).replace("= ", ""),
                        p(s.bhP()).replace("= ", ""), s.tooSmall() ? "  too small to say" : "");
            }
            for (Heterogeneity h : r.heterogeneity()) {
                out.printf(Locale.ROOT, "Heterogeneity (%s): Cochran's Q %.3g on %d df, p %s, I² %.0f%%%n",
                        h.variant(), h.q(), h.df(), p(h.p()), h.iSquared() * 100);
            }
        }
        if (readout.breakdownLabel() != null && readout.unmatchedUsers() > 0) {
            out.printf(Locale.ROOT, "%nBreakdown by %s: %,d users matched no %s.%n", readout.breakdownLabel(),
                    readout.unmatchedUsers(), readout.breakdownLabel().startsWith("persona") ? "persona"
                            : "rule member");
        }
        if (readout.rowsSkipped() > 0) {
            out.printf(Locale.ROOT, "%nRead %,d rows; skipped %,d with an empty variant or value.%n",
                    readout.rowsRead(), readout.rowsSkipped());
        }
    }
}
