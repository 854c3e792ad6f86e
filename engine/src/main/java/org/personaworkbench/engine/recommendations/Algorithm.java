package org.personaworkbench.engine.recommendations;

import java.util.Locale;

/** The recommendation strategies, with the word the CLI and the project use for each. */
public enum Algorithm {
    POPULARITY, ITEM_KNN, USER_KNN, ALS, CONTENT, HYBRID;

    /** "popularity", "itemknn", "userknn", "als", "content", "hybrid". */
    public String word() {
        return name().replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Reads {@link #word()} (ignoring case, '-' and '_'). */
    public static Algorithm fromWord(String word) {
        String w = word.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        for (Algorithm a : values()) {
            if (a.word().equals(w)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown algorithm '" + word
                + "': use popularity, itemknn, userknn, als, content or hybrid.");
    }
}
