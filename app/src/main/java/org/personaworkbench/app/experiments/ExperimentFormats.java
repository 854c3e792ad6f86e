package org.personaworkbench.app.experiments;

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
        if (ci == null) {
            return "";
        }
        String lo = relative(ci.lo());
        return (lo.endsWith("%") ? lo.substring(0, lo.length() - 1) : lo) + " to " + relative(ci.hi());
    }

    /** A p-value with three decimals, {@code < 0.001} below that (the exact figure is in the exports); empty for null. */
    public static String p(Double p) {
        if (p == null || p.isNaN()) {
            return "";
        }
        return p < 0.001 ? "< 0.001" : decimals(p, 3);
    }

    /** A probability as a percentage with one decimal ({@code > 99.9%} rather than a rounded 100%). */
    public static String probability(double p) {
        if (!Double.isFinite(p)) {
            return "";
        }
        if (p > 0.999 && p < 1) {
            return "> " + decimals(99.9, 1) + "%";
        }
        return p < 0.001 && p > 0 ? "< " + decimals(0.1, 1) + "%" : decimals(p * 100, 1) + "%";
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

    /** "p = 0.0213" or "p < 0.0001". */
    public static String pEquals(double p) {
        String text = p(p);
        return text.startsWith("<") ? "p " + text : "p = " + text;
    }

    /** A metric value (a mean or a difference) with two decimals, none from 1,000 up; empty for null. */
    public static String metric(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return "";
        }
        return decimals(v, Math.abs(v) >= 1000 ? 0 : 2);
    }

    /** A metric interval with two decimals: {@code 17.86 – 18.76}. */
    public static String metricInterval(Interval ci) {
        return ci == null ? "" : metric(ci.lo()) + " – " + metric(ci.hi());
    }
}
