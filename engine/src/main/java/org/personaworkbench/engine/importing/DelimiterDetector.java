package org.personaworkbench.engine.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Guesses the field delimiter (comma, tab, semicolon or pipe) from the first lines of a text: the
 * candidate that splits most lines into the same number (more than one) of fields wins; ties go to
 * the one giving more fields, then to the order comma, tab, semicolon, pipe. Quotes are honoured, so
 * a comma inside a quoted field does not count.
 */
final class DelimiterDetector {

    static final List<Character> CANDIDATES = List.of(',', '\t', ';', '|');

    /** Records looked at. */
    static final int SAMPLE_RECORDS = 200;

    private DelimiterDetector() {
    }

    /** How well one delimiter fits: its usual field count and on how many sampled records it holds. */
    record Fit(char delimiter, int fields, int consistentRecords, int records) {
        boolean splits() {
            return fields > 1 && consistentRecords * 10 >= records * 8;
        }
    }

    /** The best delimiter for the text, comma when none splits it (a one-column file). */
    static char detect(String text, char quote) {
        Fit best = null;
        for (char d : CANDIDATES) {
            Fit fit = fit(text, d, quote);
            if (fit.splits() && (best == null || better(fit, best))) {
                best = fit;
            }
        }
        return best == null ? ',' : best.delimiter();
    }

    /** The fit of one delimiter over the first records of the text. */
    static Fit fit(String text, char delimiter, char quote) {
        Map<Integer, Integer> counts = new HashMap<>();
        int records = 0;
        int fields = 1;
        boolean inQuotes = false;
        boolean any = false;
        int n = text.length();
        for (int i = 0; i < n && records < SAMPLE_RECORDS; i++) {
            char c = text.charAt(i);
            if (c == quote) {
                inQuotes = !inQuotes;
                any = true;
            } else if (inQuotes) {
                continue;
            } else if (c == delimiter) {
                fields++;
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (any) {
                    counts.merge(fields, 1, Integer::sum);
                    records++;
                }
                fields = 1;
                any = false;
            } else {
                any = true;
            }
        }
        if (any && records < SAMPLE_RECORDS) {
            counts.merge(fields, 1, Integer::sum);
            records++;
        }
        int modeFields = 1;
        int modeCount = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > modeCount || e.getValue() == modeCount && e.getKey() > modeFields) {
                modeFields = e.getKey();
                modeCount = e.getValue();
            }
        }
        return new Fit(delimiter, modeFields, modeCount, records);
    }

    private static boolean better(Fit a, Fit b) {
        double shareA = (double) a.consistentRecords() / a.records();
        double shareB = (double) b.consistentRecords() / b.records();
        if (Math.abs(shareA - shareB) > 0.05) {
            return shareA > shareB;
        }
        return a.fields() > b.fields();
    }
}
