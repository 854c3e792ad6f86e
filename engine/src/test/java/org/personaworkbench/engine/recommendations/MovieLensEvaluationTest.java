package org.personaworkbench.engine.recommendations;

import org.junit.jupiter.api.Test;
import org.personaworkbench.engine.SharedData;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The protocol on MovieLens 100K (skipped when ../shared/data is absent). */
class MovieLensEvaluationTest {

    @Test
    void implicitAlsBeatsPopularityNdcgByHalfOnAnUnseenSeed() {
        Optional<Path> file = SharedData.file("data/movielens-100k/u.data");
        assumeTrue(file.isPresent(), "MovieLens 100K not available");
        CancellationToken cancel = CancellationToken.create();
        // treated as implicit strengths: the values stay the ratings, so "≥ 4 is relevant" still applies
        Interactions all = Interactions.of(RatingsFiles.movieLens(file.get(), cancel), FeedbackKind.IMPLICIT_COUNT, 0);
        assertEquals(100_000, all.cells());
        EvaluationProtocol protocol = EvaluationProtocol.movieLensDefault(7); // the defaults were tuned on seed 42
        EvaluationReport popularity = Evaluation.run(all, protocol, RecommenderOptions.defaults(Algorithm.POPULARITY),
                Progress.NONE, cancel);
        EvaluationReport als = Evaluation.run(all, protocol, RecommenderOptions.defaults(Algorithm.ALS), Progress.NONE,
                cancel);
        assertEquals(popularity.metrics().users(), als.metrics().users());
        assertTrue(als.metrics().ndcg() >= 1.5 * popularity.metrics().ndcg(),
                "ALS " + als.metrics().ndcg() + " vs popularity " + popularity.metrics().ndcg());
        assertTrue(als.metrics().coverage() > 3 * popularity.metrics().coverage());
    }
}
