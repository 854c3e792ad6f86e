package org.personaworkbench.app.recommendations;

/** One line of a strategy's top-N list as shown: rank from 1, item id and title, score and why. */
public record RankedItem(int rank, String item, String title, double score, String explanation) {
}
