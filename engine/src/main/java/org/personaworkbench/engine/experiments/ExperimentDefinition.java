package org.personaworkbench.engine.experiments;

/**
 * A saved A/B test: which project dataset (or, from the CLI, which CSV file) holds its results, which columns
 * mean what, the control, the planned split, the prior and how to break the lift down. Saved in the project as
 * a JSON document so the readout can be recomputed on reopening; {@code null} columns are absent.
 * Aggregated rows (one per variant) are read when {@code usersColumn} is set: {@code conversionColumn} then
 * holds conversion counts and the metric comes as sum and sum of squares.
 */
public record ExperimentDefinition(String name, String dataset, String variantColumn, String control,
                                   String conversionColumn, String metricColumn, String covariateColumn,
                                   String customerColumn, String usersColumn, String metricSumColumn,
                                   String metricSumSquaresColumn, Breakdown breakdown, double[] expectedSplit,
                                   double confidence, double priorAlpha, double priorBeta) {

    /** What the per-segment breakdown groups users by. */
    public enum BreakdownKind {
        /** No breakdown. */
        NONE,
        /** A column of the experiment's rows; {@code source} is the column. */
        COLUMN,
        /**
         * Personas of a saved segmentation run, joined by {@code customerColumn}; {@code source} is the run (null:
         * the newest run with personas). Customers in no segment of the run are grouped as "not in run".
         */
        PERSONAS,
        /** In or not in a saved rule segment, joined by {@code customerColumn}; {@code source} is the rule. */
        RULE
    }

    /** The breakdown: a kind and its column, run or rule name. */
    public record Breakdown(BreakdownKind kind, String source) {
        public static final Breakdown NONE = new Breakdown(BreakdownKind.NONE, null);
    }

    public ExperimentDefinition {
        breakdown = breakdown == null ? Breakdown.NONE : breakdown;
    }

    /**
     * Per-user rows of {@code dataset} with the given variant column and control, conversion only, no
     * breakdown, equal split, 95%, Beta(1, 1).
     */
    public static ExperimentDefinition perUser(String name, String dataset, String variantColumn, String control,
                                               String conversionColumn) {
        return new ExperimentDefinition(name, dataset, variantColumn, control, conversionColumn, null, null, null,
                null, null, null, Breakdown.NONE, null, 0.95, 1, 1);
    }

    /** Whether rows are one per variant (users, conversions, metric sums) rather than one per user. */
    public boolean aggregated() {
        return usersColumn != null;
    }

    /** Whether the test has a conversion column (else it reads a metric only). */
    public boolean hasConversion() {
        return conversionColumn != null;
    }

    /** The statistical options of {@link AbTest#analyse}. */
    public AbTestOptions options() {
        return new AbTestOptions(control, expectedSplit, confidence, priorAlpha, priorBeta,
                AbTestOptions.defaults(control).minSegmentUsers(), AbTestOptions.defaults(control)
                .minSegmentConversions());
    }

    public ExperimentDefinition withName(String newName) {
        return new ExperimentDefinition(newName, dataset, variantColumn, control, conversionColumn, metricColumn,
                covariateColumn, customerColumn, usersColumn, metricSumColumn, metricSumSquaresColumn, breakdown,
                expectedSplit, confidence, priorAlpha, priorBeta);
    }

    public ExperimentDefinition withMetric(String metric, String covariate) {
        return new ExperimentDefinition(name, dataset, variantColumn, control, conversionColumn, metric, covariate,
                customerColumn, usersColumn, metricSumColumn, metricSumSquaresColumn, breakdown, expectedSplit,
                confidence, priorAlpha, priorBeta);
    }

    public ExperimentDefinition withCustomerColumn(String column) {
        return new ExperimentDefinition(name, dataset, variantColumn, control, conversionColumn, metricColumn,
                covariateColumn, column, usersColumn, metricSumColumn, metricSumSquaresColumn, breakdown,
                expectedSplit, confidence, priorAlpha, priorBeta);
    }

    public ExperimentDefinition withBreakdown(Breakdown newBreakdown) {
        return new ExperimentDefinition(name, dataset, variantColumn, control, conversionColumn, metricColumn,
                covariateColumn, customerColumn, usersColumn, metricSumColumn, metricSumSquaresColumn, newBreakdown,
                expectedSplit, confidence, priorAlpha, priorBeta);
    }

    /** Aggregated rows: users column, and optionally the metric's sum and sum-of-squares columns. */
    public ExperimentDefinition withAggregates(String users, String metricSum, String metricSumSquares) {
        return new ExperimentDefinition(name, dataset, variantColumn, control, conversionColumn, metricColumn,
                covariateColumn, customerColumn, users, metricSum, metricSumSquares, breakdown, expectedSplit,
                confidence, priorAlpha, priorBeta);
    }

    public ExperimentDefinition withExpectedSplit(double[] split) {
        return new ExperimentDefinition(name, dataset, variantColumn, control, conversionColumn, metricColumn,
                covariateColumn, customerColumn, usersColumn, metricSumColumn, metricSumSquaresColumn, breakdown,
                split, confidence, priorAlpha, priorBeta);
    }

    public ExperimentDefinition withPrior(double alpha, double beta) {
        return new ExperimentDefinition(name, dataset, variantColumn, control, conversionColumn, metricColumn,
                covariateColumn, customerColumn, usersColumn, metricSumColumn, metricSumSquaresColumn, breakdown,
                expectedSplit, confidence, alpha, beta);
    }

    public ExperimentDefinition withControl(String newControl) {
        return new ExperimentDefinition(name, dataset, variantColumn, newControl, conversionColumn, metricColumn,
                covariateColumn, customerColumn, usersColumn, metricSumColumn, metricSumSquaresColumn, breakdown,
                expectedSplit, confidence, priorAlpha, priorBeta);
    }
}
