package org.personaworkbench.engine.experiments;

import org.personaworkbench.engine.experiments.AbTestReport.Comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The readout in plain words, one sentence per variant against control ("Variant B converts 0.80 points (6.0%)
 * better than A; 95% CI 0.10 to 1.50 points; p = 0.02; 98% probability B is better; no sample-ratio mismatch"),
 * preceded by a warning when the sample ratio is off. The CLI prints it and the Experiments step shows it on top;
 * the number formats ({@link #p}, {@link #points}, {@link #percent}) are shared with the CLI's tables.
 */
public final class Verdict {

    private Verdict() {
    }

    /**
     * The verdict lines, each a full sentence ending in a period: a "WARNING: SAMPLE-RATIO MISMATCH …" line first
     * when the split is off, then one line per comparison; {@code conversion} false reads the metric instead.
     */
    public static List<String> lines(AbTestReport report, boolean conversion) {
        String srm = sampleRatio(report);
        List<String> out = new ArrayList<>();
        if (report.srm().mismatch()) {
            out.add("WARNING: " + srm + ".");
        }
        for (Comparison c : report.comparisons()) {
            out.add(sentence(c, conversion, srm) + ".");
        }
        return out;
    }

    /** The sample-ratio check in words, with its p-value. */
    public static String sampleRatio(AbTestReport report) {
        return report.srm().mismatch()
                ? "SAMPLE-RATIO MISMATCH (p " + p(report.srm().p()) + "): the assignment looks broken; do not trust "
                        + "the figures below before finding out why"
                : "no sample-ratio mismatch (p " + p(report.srm().p()) + ")";
    }

    /** A p-value as "= 0.02", "= 0.0016" (two significant digits below 0.01) or "< 0.0001". */
    public static String p(double p) {
        if (p < 0.0001) {
            return "< 0.0001";
        }
        return "= " + String.format(Locale.ROOT, p < 0.01 ? "%.2g" : "%.2f", p);
    }

    /** A rate or rate difference in percentage points with two decimals (0.0082 → "0.82"). */
    public static String points(double fraction) {
        return String.format(Locale.ROOT, "%.2f", fraction * 100);
    }

    /** A relative figure in percent with one decimal (0.043 → "4.3"). */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f", fraction * 100);
    }

    /** Said when the interval includes no difference, so a lift that may be noise is not read as a win. */
    private static final String NOT_CLEAR = ", but that is not a clear difference (the interval includes zero)";

    private static String sentence(Comparison c, boolean conversion, String srmWords) {
        if (!conversion) {
            String dir = c.meanDiff() >= 0 ? "higher" : "lower";
            boolean unclearMean = c.meanDiffCi() != null && c.meanDiffCi().lo() <= 0 && c.meanDiffCi().hi() >= 0;
            return String.format(Locale.ROOT, "Variant %s's mean is %.4g %s than %s's%s%s; Welch p %s; %s",
                    c.variant(), Math.abs(c.meanDiff()), dir, c.control(), unclearMean ? NOT_CLEAR : "",
                    c.meanDiffCi() == null ? "" : String.format(Locale.ROOT, "; 95%% CI %.4g to %.4g",
                            c.meanDiffCi().lo(), c.meanDiffCi().hi()),
                    c.welchP() == null ? "n/a" : p(c.welchP()), srmWords);
        }
        String dir = c.absLift() >= 0 ? "better" : "worse";
        String rel = c.relLift() == null ? "" : " (" + percent(Math.abs(c.relLift())) + "%)";
        double prob = c.probBeatControl() * 100;
        String probText = prob > 99.9 ? "more than 99.9" : prob < 0.1 ? String.format(Locale.ROOT, "%.2g", prob)
                : String.format(Locale.ROOT, "%.1f", prob).replaceAll("\\.0$", "");
        boolean unclear = c.absLiftCi().lo() <= 0 && c.absLiftCi().hi() >= 0;
        return String.format(Locale.ROOT, "Variant %s converts %s points%s %s than %s%s; 95%% CI %s to %s points; "
                        + "p %s; %s%% probability %s is better; %s", c.variant(), points(Math.abs(c.absLift())), rel,
                dir, c.control(), unclear ? NOT_CLEAR : "", points(c.absLiftCi().lo()), points(c.absLiftCi().hi()),
                p(c.zP()), probText, c.variant(), srmWords);
    }
}
