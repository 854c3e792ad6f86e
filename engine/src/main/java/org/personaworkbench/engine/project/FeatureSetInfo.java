package org.personaworkbench.engine.project;

import java.time.Instant;
import java.util.Objects;

/**
 * A feature set stored in a project. Its values live in the dataset of the same {@code name} (one row per
 * customer), so they can be profiled and queried like any dataset; this record says what made them.
 *
 * @param name          the feature set's name, which is also the name of the dataset holding its values
 * @param sourceDataset the dataset the features were computed from
 * @param kind          what kind of features, for example {@code "rfm"}
 * @param recipeJson    the options used, as JSON, with defaults resolved (for example the reference date)
 * @param createdAt     when it was saved
 * @param rows          rows in the values dataset
 */
public record FeatureSetInfo(String name, String sourceDataset, String kind, String recipeJson, Instant createdAt,
                             long rows) {
    public FeatureSetInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceDataset, "sourceDataset");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipeJson, "recipeJson");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
