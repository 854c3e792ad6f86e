package org.personaworkbench.engine.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.personaworkbench.engine.experiments.AbTestReport.Comparison;
import org.personaworkbench.engine.experiments.AbTestReport.Heterogeneity;
import org.personaworkbench.engine.experiments.AbTestReport.SegmentLift;
import org.personaworkbench.engine.experiments.AbTestReport.VariantSummary;
import org.personaworkbench.engine.export.AtomicFiles;
import org.personaworkbench.engine.export.CsvCells;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A readout as JSON (the field names of {@code pwb abtest --json}, a public contract documented in the README) or
 * as one CSV table with a row per figure, written atomically. The CSV is read off the same document as the JSON,
 * so the two always hold the same figures.
 */
public final class ReadoutExport {

    /** The power calculator's defaults in the exports: two-sided α and power. */
    public static final double ALPHA = 0.05;
    public static final double POWER = 0.8;

    /** The CSV table's header. */
    public static final String CSV_HEADER = "section,variant,control,segment,figure,value,ci_lo,ci_hi";

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReadoutExport() {
    }

    /** The readout as the JSON document {@code pwb abtest --json} prints. */
    public static String json(ExperimentReadout readout) {
        try {
            return PRETTY.writeValueAsString(document(readout));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Maps of numbers, text and lists always serialise", e);
        }
    }

    /**
     * The readout as CSV: columns {@code section,variant,control,segment,figure,value,ci_lo,ci_hi}, one row per
     * figure (variant rates, lifts, p-values, SRM, breakdown, heterogeneity, power, and the bandit replay's
     * strategies with the strategy's name in {@code variant}). A figure's interval
     * ({@code rate_ci}, {@code abs_lift_ci}, …) goes into {@code ci_lo}/{@code ci_hi} of the figure's row; figures
     * that do not apply are left out; the always-valid interval is written with {@code always_valid_p}; numbers
     * are written so they read back as the same double.
     */
    public static String csv(ExperimentReadout readout) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        Map<String, Object> doc = document(readout);
        for (String section : List.of("variants", "comparisons", "srm", "breakdown", "heterogeneity", "power",
                "metric_power")) {
            Object value = doc.get(section);
            String name = switch (section) {
                case "variants" -> "variant";
                case "comparisons" -> "comparison";
                default -> section;
            };
            if (value instanceof List<?> rows) {
                for (Object row : rows) {
                    rows(out, name, asMap(row));
                }
            } else if (value instanceof Map<?, ?> map) {
                rows(out, name, asMap(map));
            }
        }
        if (doc.get("bandit") instanceof Map<?, ?> bandit) {
            for (Object strategy : (List<?>) bandit.get("strategies")) {
                rows(out, "bandit", asMap(strategy));
            }
        }
        return out.toString();
    }

    /** Writes {@link #json} or {@link #csv} (by the file's extension: .json, else CSV) atomically. */
    public static void write(ExperimentReadout readout, Path file) {
        boolean json = file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        String text = json ? json(readout) + "\n" : csv(readout);
        AtomicFiles.write(file, out -> out.write(text));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static void rows(StringBuilder out, String section, Map<String, Object> m) {
        String variant = (String) (m.containsKey("name") ? m.get("name") : m.get("variant"));
        String control = (String) m.get("control");
        String segment = (String) m.get("segment");
        figures(out, section, variant, control, segment, "", m);
    }

    private static void figures(StringBuilder out, String section, String variant, String control, String segment,
                                String prefix, Map<String, Object> m) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> nested) {
                figures(out, section, variant, control, segment, prefix + key + "_", asMap(nested));
                continue;
            }
            boolean hasValue = v instanceof Number || v instanceof Boolean;
            boolean lonelyInterval = key.endsWith("_interval") && v instanceof double[];
            if (!hasValue && !lonelyInterval) {
                continue; // names, text, nulls and intervals (written with their figure)
            }
            // the always-valid interval goes with the always-valid p-value (its field is not named "..._p_ci")
            Object ci = lonelyInterval ? v
                    : key.equals("always_valid_p") ? m.get("always_valid_ci") : m.get(key + "_ci");
            double[] interval = ci instanceof double[] d ? d : null;
            out.append(section).append(',').append(CsvCells.text(variant)).append(',')
                    .append(CsvCells.text(control)).append(',').append(CsvCells.text(segment)).append(',')
                    .append(prefix).append(key).append(',')
                    .append(lonelyInterval ? "" : cell(v)).append(',')
                    .append(interval == null ? "" : cell(interval[0])).append(',')
                    .append(interval == null ? "" : cell(interval[1])).append("\r\n");
        }
    }

    private static String cell(Object v) {
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        return String.valueOf(v);
    }

    private static Double num(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    private static double[] ci(Interval i) {
        return i == null || !Double.isFinite(i.lo()) || !Double.isFinite(i.hi()) ? null : i.toArray();
    }

    /** The JSON document as nested maps and lists (null where a figure does not apply). */
    static Map<String, Object> document(ExperimentReadout readout) {
        AbTestReport r = readout.report();
        boolean conversion = readout.conversion();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("control", r.control());
        List<Map<String, Object>> variants = new ArrayList<>();
        for (VariantSummary v : r.variants()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            m.put("users", v.users());
            m.put("conversions", conversion ? v.conversions() : null);
            m.put("rate", conversion ? num(v.rate()) : null);
            m.put("rate_ci", conversion ? ci(v.rateCi()) : null);
            m.put("credible_interval", conversion ? ci(v.credibleInterval()) : null);
            m.put("mean", num(v.mean()));
            m.put("mean_ci", ci(v.meanCi()));
            m.put("sd", num(v.sd()));
            variants.add(m);
        }
        doc.put("variants", variants);
        List<Map<String, Object>> comparisons = new ArrayList<>();
        for (Comparison c : r.comparisons()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", c.variant());
            m.put("control", c.control());
            m.put("abs_lift", conversion ? num(c.absLift()) : null);
            m.put("abs_lift_ci", conversion ? ci(c.absLiftCi()) : null);
            m.put("rel_lift", conversion ? num(c.relLift()) : null);
            m.put("rel_lift_ci", conversion ? ci(c.relLiftCi()) : null);
            m.put("z", conversion ? num(c.z()) : null);
            m.put("z_p", conversion ? num(c.zP()) : null);
            m.put("holm_p", conversion ? num(c.holmP()) : null);
            m.put("bh_p", conversion ? num(c.bhP()) : null);
            m.put("chi2", conversion ? num(c.chi2()) : null);
            m.put("chi2_p", conversion ? num(c.chi2P()) : null);
            m.put("chi2_yates", conversion ? num(c.chi2Yates()) : null);
            m.put("chi2_yates_p", conversion ? num(c.chi2YatesP()) : null);
            m.put("fisher_p", conversion ? num(c.fisherP()) : null);
            m.put("mean_diff", num(c.meanDiff()));
            m.put("mean_diff_ci", ci(c.meanDiffCi()));
            m.put("welch_t", num(c.welchT()));
            m.put("welch_df", num(c.welchDf()));
            m.put("welch_p", num(c.welchP()));
            m.put("mann_whitney_u", num(c.mannWhitneyU()));
            m.put("mann_whitney_p", num(c.mannWhitneyP()));
            m.put("metric_prob_beat_control", num(c.metricProbBeatControl()));
            m.put("prob_beat_control", conversion ? num(c.probBeatControl()) : null);
            m.put("prob_method", conversion ? c.probMethod() : null);
            m.put("expected_loss", conversion ? num(c.expectedLoss()) : null);
            if (c.cuped() == null) {
                m.put("cuped", null);
            } else {
                Map<String, Object> cu = new LinkedHashMap<>();
                cu.put("theta", num(c.cuped().theta()));
                cu.put("mean_diff", num(c.cuped().meanDiff()));
                cu.put("mean_diff_ci", ci(c.cuped().meanDiffCi()));
                cu.put("p", num(c.cuped().p()));
                cu.put("variance_reduction", num(c.cuped().varianceReduction()));
                m.put("cuped", cu);
            }
            // added with sequential inference: the mSPRT always-valid p-value and interval of the conversion lift
            SequentialTest.Result seq = conversion ? c.sequential() : null;
            m.put("always_valid_p", seq == null ? null : num(seq.alwaysValidP()));
            m.put("always_valid_ci", seq == null ? null : ci(seq.alwaysValidCi()));
            comparisons.add(m);
        }
        doc.put("comparisons", comparisons);
        Map<String, Object> srm = new LinkedHashMap<>();
        srm.put("chi2", num(r.srm().chi2()));
        srm.put("p", num(r.srm().p()));
        srm.put("mismatch", r.srm().mismatch());
        srm.put("threshold", AbTestOptions.SRM_THRESHOLD);
        srm.put("expected_split", r.srm().expectedSplit());
        doc.put("srm", srm);
        List<Map<String, Object>> breakdown = new ArrayList<>();
        for (SegmentLift s : r.breakdown()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("segment", s.segment());
            m.put("variant", s.variant());
            m.put("control", s.control());
            m.put("variant_users", s.variantUsers());
            m.put("control_users", s.controlUsers());
            m.put("variant_rate", num(s.variantRate()));
            m.put("control_rate", num(s.controlRate()));
            m.put("abs_lift", num(s.absLift()));
            m.put("abs_lift_ci", ci(s.absLiftCi()));
            m.put("rel_lift", num(s.relLift()));
            m.put("z_p", num(s.zP()));
            m.put("bh_p", num(s.bhP()));
            m.put("too_small", s.tooSmall());
            breakdown.add(m);
        }
        doc.put("breakdown", conversion ? breakdown : List.of());
        List<Map<String, Object>> het = new ArrayList<>();
        for (Heterogeneity h : r.heterogeneity()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", h.variant());
            m.put("q", num(h.q()));
            m.put("df", h.df());
            m.put("p", num(h.p()));
            m.put("i_squared", num(h.iSquared()));
            het.add(m);
        }
        doc.put("heterogeneity", conversion ? het : List.of());
        doc.put("power", conversion ? power(r) : null);
        // fields added with saved experiments (issue 6): after the original ones so readers keep working
        doc.put("metric_power", metricPower(readout.baseline()));
        doc.put("verdict", readout.verdict());
        doc.put("rows_read", readout.rowsRead());
        doc.put("rows_skipped", readout.rowsSkipped());
        doc.put("breakdown_label", readout.breakdownLabel());
        doc.put("unmatched_users", readout.unmatchedUsers());
        // added with the bandit replay; only present when the readout has one (per-user conversions)
        if (readout.bandit() != null) {
            doc.put("bandit", bandit(readout.bandit()));
        }
        return doc;
    }

    private static Map<String, Object> bandit(BanditReplay.Report b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "bootstrap_replay");
        m.put("seed", b.seed());
        m.put("runs", b.runs());
        m.put("best_arm", b.bestArm());
        List<Map<String, Object>> arms = new ArrayList<>();
        for (int a = 0; a < b.arms().size(); a++) {
            Map<String, Object> arm = new LinkedHashMap<>();
            arm.put("name", b.arms().get(a));
            arm.put("observed_rate", num(b.observedRates()[a]));
            arms.add(arm);
        }
        m.put("arms", arms);
        List<Map<String, Object>> strategies = new ArrayList<>();
        for (BanditReplay.Strategy s : b.strategies()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", s.name());
            row.put("users", s.users());
            row.put("conversions", num(s.conversions()));
            row.put("regret", num(s.regret()));
            Map<String, Object> share = new LinkedHashMap<>();
            for (int a = 0; a < b.arms().size(); a++) {
                share.put(b.arms().get(a), num(s.share()[a]));
            }
            row.put("share", share);
            strategies.add(row);
        }
        m.put("strategies", strategies);
        return m;
    }

    private static Map<String, Object> power(AbTestReport r) {
        VariantSummary c = r.variants().stream().filter(v -> v.name().equals(r.control())).findFirst().orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseline", num(c.rate()));
        m.put("alpha", ALPHA);
        m.put("power", POWER);
        m.put("users_per_arm", c.users());
        boolean usable = c.rate() > 0 && c.rate() < 1 && c.users() > 0;
        m.put("mde", usable ? num(Power.minimumDetectableEffect(c.rate(), c.users(), ALPHA, POWER)) : null);
        return m;
    }

    /** The smallest detectable difference in the metric's mean at the control's size; null without a metric. */
    private static Map<String, Object> metricPower(ExperimentReadout.Baseline b) {
        if (b == null || !Double.isFinite(b.metricSd()) || b.controlUsers() <= 0) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sd", b.metricSd());
        m.put("alpha", ALPHA);
        m.put("power", POWER);
        m.put("users_per_arm", b.controlUsers());
        m.put("mde", Power.minimumDetectableMeanDifference(b.metricSd(), b.controlUsers(), ALPHA, POWER));
        return m;
    }
}
