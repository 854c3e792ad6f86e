package org.personaworkbench.app.common;

import org.junit.jupiter.api.Test;
import org.personaworkbench.engine.recommendations.FeedbackKind;
import org.personaworkbench.engine.recommendations.Interaction;
import org.personaworkbench.engine.recommendations.Interactions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Intra-list diversity as the Recommendations step shows it: 1 − mean pairwise cosine of item columns. */
class RealEngineListDiversityTest {

    /** Columns over users u1..u3: A = (2, 1, 0), B = (2, 0, 1), C = (0, 0, 3). */
    private final Interactions data = Interactions.of(List.of(
            new Interaction("u1", "A", 2, 0), new Interaction("u1", "B", 2, 0),
            new Interaction("u2", "A", 1, 0),
            new Interaction("u3", "B", 1, 0), new Interaction("u3", "C", 3, 0)), FeedbackKind.IMPLICIT_COUNT, 30);

    @Test
    void diversityIsOneMinusTheMeanPairwiseCosineOfItemColumns() {
        RealEngine engine = new RealEngine();
        int a = data.itemIndex("A").orElseThrow();
        int b = data.itemIndex("B").orElseThrow();
        int c = data.itemIndex("C").orElseThrow();
        double ab = 4 / (Math.sqrt(5) * Math.sqrt(5));
        double ac = 0;
        double bc = 3 / (Math.sqrt(5) * 3);
        assertEquals(1 - ab, engine.listDiversity(data, new int[] {a, b}), 1e-12);
        assertEquals(1 - ac, engine.listDiversity(data, new int[] {a, c}), 1e-12);
        assertEquals(1 - (ab + ac + bc) / 3, engine.listDiversity(data, new int[] {c, a, b}), 1e-12);
        assertTrue(Double.isNaN(engine.listDiversity(data, new int[] {a})), "one item has no pairs");
    }
}
