package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.project.Project;

import java.util.Map;
import java.util.Objects;

/**
 * Reads what recommendations need from a project: interactions from a transactions, events or ratings dataset
 * (the customer-id and item-id roles from import; quantity or rating as the value; timestamp), the item
 * catalogue (text and category roles of the same or an item dataset) and each customer's persona (from the
 * newest segmentation run with personas, or the one named).
 */
public final class ProjectInteractions {

    private ProjectInteractions() {
    }

    /**
     * @param dataset      the dataset with customer id and item id roles, or null for the first such dataset
     * @param kind         how repeated events become strengths
     * @param halfLifeDays for {@link FeedbackKind#IMPLICIT_RECENCY}
     * @param run          segmentation run whose personas label users, or null for the newest with personas
     */
    public record Options(String dataset, FeedbackKind kind, double halfLifeDays, String run) {
        public Options {
            Objects.requireNonNull(kind, "kind");
        }

        /** The first dataset with item ids, implicit counts, the newest run with personas. */
        public static Options defaults() {
            return new Options(null, FeedbackKind.IMPLICIT_COUNT, 30, null);
        }
    }

    /** What was read: the interactions, the catalogue, user id → persona name, and where they came from. */
    public record Loaded(Interactions interactions, ItemCatalog catalog, Map<String, String> personaOfUser,
                         String dataset, String run) {
        public Loaded {
            personaOfUser = Map.copyOf(personaOfUser);
        }
    }

    /**
     * @throws org.personaworkbench.engine.common.EngineException when no dataset has customer and item id roles
     *         (the message says which roles to set on import)
     */
    public static Loaded load(Project project, Options options, CancellationToken cancel) {
        throw new UnsupportedOperationException("issue 5: project interactions");
    }
}
