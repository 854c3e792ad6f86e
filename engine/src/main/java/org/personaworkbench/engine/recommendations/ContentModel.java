package org.personaworkbench.engine.recommendations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Content-based: the user's profile is the strength-weighted sum of the TF-IDF vectors ({@link ItemTexts}) of
 * their items; an item's score is the cosine of its vector with the profile, so items nobody has bought yet are
 * scored as well as any other. Explained by the three terms that add most to the cosine ("similar to items you
 * bought: terms garden, hose, brass").
 */
final class ContentModel implements ItemScorer {

    private final ModelBasis basis;
    private final ItemTexts texts;

    ContentModel(ModelBasis basis) {
        this.basis = basis;
        this.texts = basis.texts();
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.CONTENT;
    }

    @Override
    public IntFunction<String> score(int user, double[] out) {
        SparseRatings m = basis.ratings();
        if (texts == null || texts.isEmpty() || m.rowSize(user) == 0) {
            return null;
        }
        double[] profile = new double[texts.vocabularySize()];
        for (int k = m.rowStart[user]; k < m.rowStart[user + 1]; k++) {
            int j = m.rowItems[k];
            int[] ts = texts.termsOf[j];
            double[] ws = texts.weightsOf[j];
            for (int t = 0; t < ts.length; t++) {
                profile[ts[t]] += m.rowValues[k] * ws[t];
            }
        }
        double sq = 0;
        for (double p : profile) {
            sq += p * p;
        }
        if (sq == 0) {
            return null;
        }
        double norm = Math.sqrt(sq);
        for (int i = 0; i < out.length; i++) {
            int[] ts = texts.termsOf[i];
            double[] ws = texts.weightsOf[i];
            double dot = 0;
            for (int t = 0; t < ts.length; t++) {
                dot += profile[ts[t]] * ws[t];
            }
            out[i] = dot / norm;
        }
        return item -> explain(profile, item);
    }

    private String explain(double[] profile, int item) {
        int[] ts = texts.termsOf[item];
        double[] ws = texts.weightsOf[item];
        TopN top = new TopN(3);
        for (int t = 0; t < ts.length; t++) {
            double c = profile[ts[t]] * ws[t];
            if (c > 0) {
                top.offer(ts[t], c);
            }
        }
        if (top.size() == 0) {
            return "unlike the items you " + basis.verb();
        }
        List<String> terms = new ArrayList<>();
        for (int t : top.drainIds(null)) {
            terms.add(texts.terms[t]);
        }
        return "similar to items you " + basis.verb() + ": terms " + String.join(", ", terms);
    }
}
