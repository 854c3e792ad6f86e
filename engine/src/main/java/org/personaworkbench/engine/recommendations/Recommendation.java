package org.personaworkbench.engine.recommendations;

import java.util.Objects;

/**
 * One recommended item for one user, with its score (comparable within one list only) and why it was chosen,
 * in words a marketer can read: "because you bought X", "popular with Loyal high spenders", "similar to items
 * you viewed: terms …".
 */
public record Recommendation(int item, String itemId, double score, String explanation) {
    public Recommendation {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(explanation, "explanation");
    }
}
