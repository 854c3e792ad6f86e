package org.personaworkbench.engine.project;

import java.util.Objects;

/**
 * What makes a new dataset a feature set: the dataset it was computed from, the kind of features (for
 * example {@code "rfm"}) and the recipe as JSON, so that it can be recomputed on new data.
 */
public record FeatureSetRecipe(String sourceDataset, String kind, String recipeJson) {
    public FeatureSetRecipe {
        Objects.requireNonNull(sourceDataset, "sourceDataset");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipeJson, "recipeJson");
    }
}
