package org.personaworkbench.engine.recommendations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.CancelledException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.export.IdHashing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecommendationExportTest {

    @TempDir
    Path dir;

    private final Interactions interactions = Interactions.of(List.of(
            new Interaction("=c1", "A", 1, 0), new Interaction("c2", "B", 2, 0), new Interaction("c3", "A", 1, 0)),
            FeedbackKind.IMPLICIT_COUNT, 30);
    private final ItemCatalog catalog = new ItemCatalog(Map.of(
            "A", new ItemCatalog.Item("A", "WHITE HANGING HEART", "", ""),
            "B", new ItemCatalog.Item("B", "-SET, OF 3 \"CAKE\" TINS", "", ""),
            "C", new ItemCatalog.Item("C", "@REGENCY CAKESTAND", "", "")));
    private final Map<String, String> personas = Map.of("=c1", "Champions", "c2", "Lapsed", "c3", "Champions");

    /** Recommends the items the user has not got, in id order, scores 0.9, 0.8, …. */
    private final Recommender model = new Recommender() {
        @Override
        public Algorithm algorithm() {
            return Algorithm.POPULARITY;
        }

        @Override
        public List<Recommendation> recommend(int user, int n, RecommendRequest request) {
            List<Recommendation> out = new ArrayList<>();
            for (String id : List.of("A", "B", "C")) {
                int item = interactions.itemIndex(id).orElse(-1);
                if (out.size() < n && !(item >= 0 && request.excludeSeen() && interactions.has(user, item))) {
                    out.add(new Recommendation(item, id, 0.9 - 0.1 * out.size(), "+popular with " + id));
                }
            }
            return out;
        }
    };

    @Test
    void writesOneRowPerRecommendationWithFormulaCellsNeutralised() throws Exception {
        Path file = dir.resolve("recs.csv");
        RecommendationExport.Result result = RecommendationExport.write(interactions, model, personas, catalog,
                new RecommendationExport.Options(file, 2, RecommendRequest.defaults(), null, null), Progress.NONE,
                CancellationToken.create());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of(
                "customer_id,persona,rank,item,title,score,explanation",
                "'=c1,Champions,1,B,\"'-SET, OF 3 \"\"CAKE\"\" TINS\",0.9,'+popular with B",
                "'=c1,Champions,2,C,'@REGENCY CAKESTAND,0.8,'+popular with C",
                "c2,Lapsed,1,A,WHITE HANGING HEART,0.9,'+popular with A",
                "c2,Lapsed,2,C,'@REGENCY CAKESTAND,0.8,'+popular with C",
                "c3,Champions,1,B,\"'-SET, OF 3 \"\"CAKE\"\" TINS\",0.9,'+popular with B",
                "c3,Champions,2,C,'@REGENCY CAKESTAND,0.8,'+popular with C"), lines);
        assertEquals(3, result.customers());
        assertEquals(6, result.rows());
    }

    @Test
    void onePersonaWithHashedIdsListsOnlyItsCustomers() throws Exception {
        Path file = dir.resolve("lapsed.csv");
        RecommendationExport.Result result = RecommendationExport.write(interactions, model, personas, catalog,
                new RecommendationExport.Options(file, 1, RecommendRequest.defaults(), "Lapsed", "pepper"),
                Progress.NONE, CancellationToken.create());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertEquals(new IdHashing("pepper").hash("c2") + ",Lapsed,1,A,WHITE HANGING HEART,0.9,'+popular with A",
                lines.get(1));
        assertEquals(1, result.customers());
    }

    @Test
    void cancelLeavesNoFile() throws Exception {
        Path file = dir.resolve("cancelled.csv");
        CancellationToken token = CancellationToken.create();
        token.cancel();
        assertThrows(CancelledException.class, () -> RecommendationExport.write(interactions, model, personas,
                catalog, new RecommendationExport.Options(file, 2, RecommendRequest.defaults(), null, null),
                Progress.NONE, token));
        assertFalse(Files.exists(file));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no temporary file left");
        }
    }
}
