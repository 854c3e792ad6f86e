package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.export.AtomicFiles;
import org.personaworkbench.engine.export.CsvCells;
import org.personaworkbench.engine.export.IdHashing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes every customer's top-N list of one model as a campaign CSV (customer_id, persona, rank, item, title,
 * score, explanation), with the same safety rules as the segment export: text cells neutralised against
 * spreadsheet formulas ({@link CsvCells}), ids optionally pseudonymised ({@link IdHashing}), and the file written
 * through {@link AtomicFiles}, so a failed or cancelled export leaves no partial file.
 */
public final class RecommendationExport {

    /** The header, in column order. */
    public static final List<String> HEADER = List.of("customer_id", "persona", "rank", "item", "title", "score",
            "explanation");
    private static final int CHECK_EVERY = 64;

    private RecommendationExport() {
    }

    /**
     * What to write.
     *
     * @param target   the CSV file (replaced when it exists)
     * @param n        items per customer
     * @param request  filters and diversity re-rank, as on screen
     * @param persona  only customers of this persona, or null for everyone
     * @param hashSalt pseudonymise customer ids with this salt, or null to write them as they are
     */
    public record Options(Path target, int n, RecommendRequest request, String persona, String hashSalt) {
        public Options {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(request, "request");
            if (n < 1) {
                throw new IllegalArgumentException("Recommend at least one item per customer, got " + n + ".");
            }
            if (hashSalt != null && hashSalt.isEmpty()) {
                throw new IllegalArgumentException("The salt for hashing ids is empty.");
            }
        }
    }

    /** What was written: the file, the customers listed and the data rows. */
    public record Result(Path file, int customers, long rows) {
    }

    /**
     * Writes the lists of {@code model} for every user of {@code interactions} (or those of one persona).
     *
     * @param personaOfUser user id → persona name (the persona column; empty cells without one)
     * @param catalog       item titles
     */
    public static Result write(Interactions interactions, Recommender model, Map<String, String> personaOfUser,
                               ItemCatalog catalog, Options options, Progress progress, CancellationToken cancel) {
        Path target = options.target().toAbsolutePath();
        IdHashing hashing = options.hashSalt() == null ? null : new IdHashing(options.hashSalt());
        int users = interactions.users();
        int[] customers = {0};
        long[] rows = {0};
        AtomicFiles.write(target, out -> {
            out.append(String.join(",", HEADER)).append("\r\n");
            StringBuilder line = new StringBuilder(256);
            for (int u = 0; u < users; u++) {
                if (u % CHECK_EVERY == 0) {
                    cancel.throwIfCancelled();
                    progress.report(u, users, String.format("Recommended for %,d of %,d customers", u, users));
                }
                String id = interactions.userId(u);
                String persona = personaOfUser.get(id);
                if (options.persona() != null && !options.persona().equals(persona)) {
                    continue;
                }
                customers[0]++;
                String shownId = hashing == null ? id : hashing.hash(id);
                int rank = 1;
                for (Recommendation r : model.recommend(u, options.n(), options.request())) {
                    line.setLength(0);
                    line.append(CsvCells.text(shownId)).append(',')
                            .append(CsvCells.text(persona)).append(',')
                            .append(rank++).append(',')
                            .append(CsvCells.text(r.itemId())).append(',')
                            .append(CsvCells.text(catalog.title(r.itemId()))).append(',')
                            .append(CsvCells.number(r.score(), false)).append(',')
                            .append(CsvCells.text(r.explanation()));
                    out.append(line).append("\r\n");
                    rows[0]++;
                }
            }
            cancel.throwIfCancelled();
        });
        progress.report(users, users, String.format("Wrote %,d rows for %,d customers", rows[0], customers[0]));
        return new Result(target, customers[0], rows[0]);
    }
}
