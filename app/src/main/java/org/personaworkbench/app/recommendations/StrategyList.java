package org.personaworkbench.app.recommendations;

import org.personaworkbench.engine.recommendations.Algorithm;

import java.util.List;

/**
 * One strategy's list for the chosen customer, with its intra-list diversity (mean pairwise dissimilarity of the
 * items, NaN for fewer than two).
 */
public record StrategyList(Algorithm algorithm, List<RankedItem> items, double diversity) {
    public StrategyList {
        items = List.copyOf(items);
    }
}
