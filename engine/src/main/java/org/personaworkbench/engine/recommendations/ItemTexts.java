package org.personaworkbench.engine.recommendations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF vectors of the items' catalogue text (title, text and category): lower-case runs of letters and digits,
 * without a small English stop-word list and one-letter tokens; sublinear tf (1 + ln tf), smoothed idf
 * (ln((1 + n) / (1 + df)) + 1), L2-normalised, so a dot product is a cosine. Items without text have an
 * empty vector. Own code: Smile 6.3 core has no TF-IDF (smile-nlp is not a dependency) and this is 100 lines.
 */
final class ItemTexts {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by",
            "for", "from", "has", "have", "he", "her", "his", "if", "in", "into", "is", "it", "its", "of", "on",
            "or", "our", "she", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they",
            "this", "to", "was", "we", "were", "what", "when", "which", "who", "will", "with", "you", "your", "de",
            "la", "le", "les", "el", "der", "die", "das", "un", "une");

    final String[] terms;
    final int[][] termsOf;
    final double[][] weightsOf;

    private ItemTexts(String[] terms, int[][] termsOf, double[][] weightsOf) {
        this.terms = terms;
        this.termsOf = termsOf;
        this.weightsOf = weightsOf;
    }

    /** Vectors for the items of {@code train} (by index), from {@code catalog}. */
    static ItemTexts of(Interactions train, ItemCatalog catalog) {
        int n = train.items();
        Map<String, Integer> vocabulary = new HashMap<>();
        List<String> terms = new ArrayList<>();
        List<Map<Integer, Integer>> counts = new ArrayList<>(n);
        int[] df = new int[16];
        for (int i = 0; i < n; i++) {
            ItemCatalog.Item item = catalog.items().get(train.itemId(i));
            Map<Integer, Integer> tf = new HashMap<>();
            if (item != null) {
                for (String token : tokens(item.title() + " " + item.text() + " " + item.category())) {
                    Integer t = vocabulary.get(token);
                    if (t == null) {
                        t = terms.size();
                        vocabulary.put(token, t);
                        terms.add(token);
                    }
                    tf.merge(t, 1, Integer::sum);
                }
            }
            for (int t : tf.keySet()) {
                if (t >= df.length) {
                    df = Arrays.copyOf(df, Math.max(t + 1, df.length * 2));
                }
                df[t]++;
            }
            counts.add(tf);
        }
        int[][] termsOf = new int[n][];
        double[][] weightsOf = new double[n][];
        for (int i = 0; i < n; i++) {
            int[] ts = counts.get(i).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            double[] ws = new double[ts.length];
            double sq = 0;
            for (int k = 0; k < ts.length; k++) {
                double tf = 1 + Math.log(counts.get(i).get(ts[k]));
                double idf = Math.log((1.0 + n) / (1.0 + df[ts[k]])) + 1;
                ws[k] = tf * idf;
                sq += ws[k] * ws[k];
            }
            double norm = Math.sqrt(sq);
            for (int k = 0; k < ws.length; k++) {
                ws[k] /= norm;
            }
            termsOf[i] = ts;
            weightsOf[i] = ws;
        }
        return new ItemTexts(terms.toArray(String[]::new), termsOf, weightsOf);
    }

    /** Lower-case runs of letters and digits, at least two characters, no stop words. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int k = 0; k <= lower.length(); k++) {
            boolean word = k < lower.length() && Character.isLetterOrDigit(lower.charAt(k));
            if (word && start < 0) {
                start = k;
            } else if (!word && start >= 0) {
                String token = lower.substring(start, k);
                if (token.length() >= 2 && !STOP_WORDS.contains(token)) {
                    out.add(token);
                }
                start = -1;
            }
        }
        return out;
    }

    int vocabularySize() {
        return terms.length;
    }

    boolean isEmpty() {
        return terms.length == 0;
    }

    /** Cosine of two items' text (their vectors are unit length). */
    double cosine(int i, int j) {
        int[] a = termsOf[i];
        int[] b = termsOf[j];
        double[] wa = weightsOf[i];
        double[] wb = weightsOf[j];
        int x = 0;
        int y = 0;
        double dot = 0;
        while (x < a.length && y < b.length) {
            if (a[x] == b[y]) {
                dot += wa[x++] * wb[y++];
            } else if (a[x] < b[y]) {
                x++;
            } else {
                y++;
            }
        }
        return dot;
    }
}
