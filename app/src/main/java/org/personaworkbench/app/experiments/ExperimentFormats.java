package org.personaworkbench.app.experiments;

import org.personaworkbench.app.common.Formats;
import org.personaworkbench.engine.experiments.Interval;

import java.text.NumberFormat;
import java.util.Locale;

/** How the Experiments step writes rates, lifts in points, p-values and intervals, so views and tests agree. */
public final class ExperimentFormats {

    private ExperimentFormats() {
    }

    /** A rate 0..1 as a percentage with two decimals: {@code 10.24%}; empty for NaN. */
    public static String rate(double rate) {
        return Double.isFinite(rate) ? decimals(rate * 100, 2) + "%" : "";
    }

    /** A difference of rates in percentage points with a sign: {@code +1.50}. */
    public static String points(double diff) {
        return Double.isFinite(diff) ? (diff > 0 ? "+" : "") + decimals(diff * 100, 2) : "";
    }

    /** An interval of rates as percentages: {@code 9.6 – 10.8%}. */
    public static String rateInterval(Interval ci) {
        return ci == null ? "" : decimals(ci.lo() * 100, 2) + " – " + decimals(ci.hi() * 100, 2) + "%";
    }

    /** An interval of rate differences in points: {@code −0.2 to +1.4}. */
    public static String pointsInterval(Interval ci) {
        return ci == null ? "" : points(ci.lo()) + " to " + points(ci.hi());
    }

    /** A relative change with a sign: {@code +12.3%}. */
    public static String relative(Double rel) {
        return rel == null || !Double.isFinite(rel) ? "" : (rel > 0 ? "+" : "") + decimals(rel * 100, 1) + "%";
    }

    public static String relativeInterval(Interval ci) {
        return ci == null ? "" : relative(ci.lo()) + " to " + relative(ci.hi());
    }

    /** A measurement interval: {@code 12.1 – 14.3}. */
    public static String interval(Interval ci) {
        return ci == null ? "" : Formats.number(ci.lo()) + " – " + Formats.number(ci.hi());
    }

    /** A p-value with three significant digits, {@code < 0.0001} below that; empty for null. */
    public static String p(Double p) {
        if (p == null || p.isNaN()) {
            return "";
        }
        if (p < 1e-4) {
            return "< 0.0001";
        }
        return String.format(Locale.ROOT, p >= 0.1 ? "%.3f" : "%.3g", p);
    }

    /** A probability as a percentage with one decimal. */
    public static String probability(double p) {
        return Double.isFinite(p) ? decimals(p * 100, 1) + "%" : "";
    }

    /** A number with a fixed count of decimals in the default locale. */
    public static String decimals(double v, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.getDefault());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(Math.abs(v) < 0.5 * Math.pow(10, -digits) ? 0 : v);
    }

    /** A number as typed in a field, without needless zeros: {@code 1}, {@code 0.5}, {@code 60}. */
    public static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
