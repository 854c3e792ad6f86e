package org.personaworkbench.app.common;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;

/** How numbers, shares and file names are shown, in one place so views and tests agree. */
public final class Formats {

    private Formats() {
    }

    /** A count with grouping: {@code 12,345}. */
    public static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.getDefault(Locale.Category.FORMAT)).format(value);
    }

    /** A measurement with at most two decimals; empty for null. */
    public static String number(Double value) {
        if (value == null || value.isNaN()) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(Locale.getDefault(Locale.Category.FORMAT));
        f.setMaximumFractionDigits(Math.abs(value) >= 1000 ? 0 : 2);
        return f.format(value);
    }

    /** A share 0..1 as a percentage with one decimal: {@code 12.5 %}. */
    public static String percent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance(Locale.getDefault(Locale.Category.FORMAT));
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }

    /** The project's display name: its file name without {@code .mv.db}. */
    public static String projectName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".mv.db") ? name.substring(0, name.length() - ".mv.db".length()) : name;
    }

    /** A dataset name from a file name: no .csv/.gz/…, lower case, runs of other characters as one underscore. */
    public static String datasetName(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String ext : java.util.List.of(".gz", ".csv", ".tsv", ".txt", ".tab")) {
                if (lower.endsWith(ext) && lower.length() > ext.length()) {
                    name = name.substring(0, name.length() - ext.length());
                    lower = lower.substring(0, lower.length() - ext.length());
                    stripped = true;
                }
            }
        }
        String cleaned = lower.replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (cleaned.isEmpty()) {
            return "dataset";
        }
        return Character.isDigit(cleaned.charAt(0)) ? "d_" + cleaned : cleaned;
    }
}
