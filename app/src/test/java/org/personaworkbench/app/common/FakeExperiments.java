package org.personaworkbench.app.common;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.experiments.AbTest;
import org.personaworkbench.engine.experiments.BanditReplay;
import org.personaworkbench.engine.experiments.AbTestReport;
import org.personaworkbench.engine.experiments.Arm;
import org.personaworkbench.engine.experiments.ExperimentDefinition;
import org.personaworkbench.engine.experiments.ExperimentReadout;
import org.personaworkbench.engine.experiments.Posterior;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetInfo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A checkout A/B test for the Experiments step: a project dataset {@value #DATASET} (user id, variant A/B or A/B/C,
 * converted, revenue, pre-period revenue, country) whose rows are drawn from a seed, read out by the real
 * {@link AbTest} so the step shows real figures. Verdict lines are simple sentences (the engine writes the real ones).
 */
public final class FakeExperiments {

    public static final String DATASET = "checkout_test";
    public static final List<DatasetColumn> COLUMNS = List.of(
            new DatasetColumn("user_id", ColumnType.TEXT, ColumnRole.CUSTOMER_ID),
            new DatasetColumn("variant", ColumnType.TEXT, ColumnRole.VARIANT),
            new DatasetColumn("converted", ColumnType.INTEGER, ColumnRole.OUTCOME),
            new DatasetColumn("revenue", ColumnType.DECIMAL, ColumnRole.AMOUNT),
            new DatasetColumn("revenue_before", ColumnType.DECIMAL, ColumnRole.NONE),
            new DatasetColumn("country", ColumnType.TEXT, ColumnRole.CATEGORY));
    public static final String[] COUNTRIES = {"United Kingdom", "Germany", "France", "Netherlands"};
    static final double[] COUNTRY_SHARES = {0.62, 0.22, 0.152, 0.008};

    private FakeExperiments() {
    }

    /** Adds the test's dataset to {@code project}. */
    public static FakeProject addTo(FakeProject project, long rows) {
        project.add(new DatasetInfo(DATASET, rows, COLUMNS, Instant.parse("2026-11-10T08:00:00Z")));
        return project;
    }

    /** A project with the RFM feature set and the test's dataset. */
    public static FakeProject project(Path file) {
        return addTo(FakeProject.withRfm(file, "rfm", 400), 10_000);
    }

    /**
     * The arms the definition reads from the seeded rows: {@code users} and {@code rates} per variant (A, B, C…),
     * revenue per user (with pre-period revenue when a covariate is chosen) and segment labels for the breakdown.
     */
    public static List<Arm> arms(ExperimentDefinition d, long[] users, double[] rates, long seed) {
        Random random = new Random(seed);
        List<Arm> arms = new ArrayList<>();
        for (int v = 0; v < users.length; v++) {
            int n = (int) users[v];
            boolean[] converted = new boolean[n];
            double[] metric = new double[n];
            double[] covariate = new double[n];
            String[] segment = new String[n];
            long[] arrival = new long[n];
            long conversions = 0;
            for (int i = 0; i < n; i++) {
                arrival[i] = (long) i * users.length + v; // the arms' users take turns
                double before = Math.abs(random.nextGaussian()) * 30;
                String country = country(random.nextDouble());
                double rate = rates[v] * (country.equals("Germany") ? 1.15 : 1);
                converted[i] = random.nextDouble() < rate;
                conversions += converted[i] ? 1 : 0;
                metric[i] = Math.max(0, 0.6 * before + (converted[i] ? 35 + 10 * random.nextGaussian() : 0)
                        + 4 * random.nextGaussian());
                covariate[i] = before;
                segment[i] = switch (d.breakdown().kind()) {
                    case NONE -> null;
                    case COLUMN -> country;
                    case PERSONAS -> FakePersonas.personas().get(Math.floorMod(i * 7 + v, 4)).name();
                    case RULE -> i % 3 == 0 ? "in " + d.breakdown().source() : "not in " + d.breakdown().source();
                };
            }
            boolean hasMetric = d.metricColumn() != null;
            arms.add(new Arm(String.valueOf((char) ('A' + v)), n, d.hasConversion() ? conversions : 0, Double.NaN,
                    Double.NaN, hasMetric ? metric : null, hasMetric && d.covariateColumn() != null ? covariate : null,
                    d.hasConversion() ? converted : null,
                    d.breakdown().kind() == ExperimentDefinition.BreakdownKind.NONE ? null : segment, arrival));
        }
        return arms;
    }

    private static String country(double u) {
        double cumulative = 0;
        for (int i = 0; i < COUNTRIES.length; i++) {
            cumulative += COUNTRY_SHARES[i];
            if (u < cumulative) {
                return COUNTRIES[i];
            }
        }
        return COUNTRIES[COUNTRIES.length - 1];
    }

    /** Reads the arms out with the real {@link AbTest}; verdict lines are plain but built from the report. */
    public static ExperimentReadout readout(ExperimentDefinition d, List<Arm> arms) {
        AbTestReport report = AbTest.analyse(arms, d.options());
        AbTestReport.VariantSummary control = report.variants().stream()
                .filter(v -> v.name().equals(report.control())).findFirst().orElseThrow();
        double sd = control.sd() == null ? Double.NaN : control.sd();
        String label = switch (d.breakdown().kind()) {
            case NONE -> null;
            case COLUMN -> "column " + d.breakdown().source();
            case PERSONAS -> "persona (run " + d.breakdown().source() + ")";
            case RULE -> "rule segment " + d.breakdown().source();
        };
        long users = arms.stream().mapToLong(Arm::users).sum();
        return new ExperimentReadout(d, report, verdict(report, d.hasConversion()), users, 0, label, 0,
                new ExperimentReadout.Baseline(d.hasConversion() ? control.rate() : Double.NaN, sd,
                        control.users()),
                d.hasConversion() ? BanditReplay.replay(arms, BanditReplay.DEFAULT_SEED, BanditReplay.DEFAULT_RUNS,
                        CancellationToken.create()) : null);
    }

    /** One sentence per comparison, with an SRM warning first. */
    public static List<String> verdict(AbTestReport report, boolean conversion) {
        List<String> lines = new ArrayList<>();
        if (report.srm().mismatch()) {
            lines.add(String.format(Locale.ROOT, "Sample-ratio mismatch: p = %.2g; do not trust the results below.",
                    report.srm().p()));
        }
        for (AbTestReport.Comparison c : report.comparisons()) {
            if (conversion) {
                lines.add(String.format(Locale.ROOT, "Variant %s converts %.2f points %s than %s; 95%% CI %.2f to "
                                + "%.2f points; p = %.3g; %.0f%% probability %s is better.", c.variant(),
                        Math.abs(c.absLift() * 100), c.absLift() >= 0 ? "better" : "worse", c.control(),
                        c.absLiftCi().lo() * 100, c.absLiftCi().hi() * 100, c.zP(), c.probBeatControl() * 100,
                        c.variant()));
            } else {
                lines.add(String.format(Locale.ROOT, "Variant %s's mean is %.2f %s than %s's; p = %.3g.",
                        c.variant(), Math.abs(c.meanDiff()), c.meanDiff() >= 0 ? "higher" : "lower", c.control(),
                        c.welchP()));
            }
        }
        return lines;
    }

    /** The readout as a small CSV (the engine's writer is the real one). */
    public static String csv(ExperimentReadout readout) {
        StringBuilder out = new StringBuilder("section,variant,figure,value\n");
        for (AbTestReport.VariantSummary v : readout.report().variants()) {
            out.append("variant,").append(v.name()).append(",rate,").append(v.rate()).append('\n');
        }
        for (AbTestReport.Comparison c : readout.report().comparisons()) {
            out.append("comparison,").append(c.variant()).append(",z_p,").append(c.zP()).append('\n');
        }
        return out.toString();
    }

    /** The Beta density on a grid between its 0.05% and 99.95% quantiles. */
    public static Posterior.Curve beta(double alpha, double beta, int points) {
        BetaDistribution d = BetaDistribution.of(alpha, beta);
        return curve(d.inverseCumulativeProbability(0.0005), d.inverseCumulativeProbability(0.9995), points,
                d::density);
    }

    /** The normal density over mean ± 3.3 sd. */
    public static Posterior.Curve normal(double mean, double sd, int points) {
        NormalDistribution d = NormalDistribution.of(mean, sd);
        return curve(mean - 3.3 * sd, mean + 3.3 * sd, points, d::density);
    }

    private static Posterior.Curve curve(double lo, double hi, int points,
                                         java.util.function.DoubleUnaryOperator density) {
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = lo + (hi - lo) * i / (points - 1);
            y[i] = density.applyAsDouble(x[i]);
        }
        return new Posterior.Curve(x, y);
    }

    /** Users per arm for a mean difference: 2 (z₁₋α/₂ + z_power)² sd² / mde². */
    public static long usersPerArmForMean(double sd, double mde, double alpha, double power) {
        double z = z(alpha, power);
        return (long) Math.ceil(2 * z * z * sd * sd / (mde * mde));
    }

    public static double minimumDetectableMeanDifference(double sd, long usersPerArm, double alpha, double power) {
        return z(alpha, power) * sd * Math.sqrt(2.0 / usersPerArm);
    }

    private static double z(double alpha, double power) {
        NormalDistribution n = NormalDistribution.of(0, 1);
        return n.inverseSurvivalProbability(alpha / 2) + n.inverseCumulativeProbability(power);
    }
}
