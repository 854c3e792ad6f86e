package org.personaworkbench.engine.experiments;

import java.util.List;

/**
 * An experiment read out: its definition, the full statistical report, the verdict in plain words (a sample-ratio
 * warning first when there is one), how the rows were read, and the control's baseline for the power calculator.
 *
 * @param rowsRead          data rows read (users for per-user rows, variants for aggregated rows)
 * @param rowsSkipped       rows left out because the variant was empty or a chosen value was missing
 * @param breakdownLabel    what the breakdown groups by, in words ("persona (run rfm-k4)"), null without one
 * @param unmatchedUsers    users whose customer id matched no persona or rule row (0 without a join)
 * @param bandit            the Thompson-sampling replay against the fixed split; null without per-user conversions
 *                          or when it was not asked for
 */
public record ExperimentReadout(ExperimentDefinition definition, AbTestReport report, List<String> verdict,
                                long rowsRead, long rowsSkipped, String breakdownLabel, long unmatchedUsers,
                                Baseline baseline, BanditReplay.Report bandit) {

    /** A readout without a bandit replay. */
    public ExperimentReadout(ExperimentDefinition definition, AbTestReport report, List<String> verdict,
                             long rowsRead, long rowsSkipped, String breakdownLabel, long unmatchedUsers,
                             Baseline baseline) {
        this(definition, report, verdict, rowsRead, rowsSkipped, breakdownLabel, unmatchedUsers, baseline, null);
    }

    /** This readout with another (or no) bandit replay. */
    public ExperimentReadout withBandit(BanditReplay.Report replay) {
        return new ExperimentReadout(definition, report, verdict, rowsRead, rowsSkipped, breakdownLabel,
                unmatchedUsers, baseline, replay);
    }

    /**
     * The control's figures the power calculator starts from: its conversion rate (NaN without conversions), the
     * metric's standard deviation (NaN without a metric) and the control's users.
     */
    public record Baseline(double rate, double metricSd, long controlUsers) {
    }

    /** Whether the readout has conversion figures. */
    public boolean conversion() {
        return definition.hasConversion();
    }
}
