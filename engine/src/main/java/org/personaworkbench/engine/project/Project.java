package org.personaworkbench.engine.project;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * An open project: one H2 database file holding the analyst's datasets, import log and settings.
 * Thread-safe for reads from several threads; writes are serialized. Close it to release the file.
 */
public interface Project extends AutoCloseable {

    /** The project file, always ending in {@code .mv.db}. */
    Path file();

    /** True when the file is encrypted with a password. */
    boolean encrypted();

    /** Datasets in name order. */
    List<DatasetInfo> datasets();

    Optional<DatasetInfo> dataset(String name);

    /** True when a dataset with this name exists, ignoring case. */
    boolean hasDataset(String name);

    /** The import log, newest first. */
    List<ImportLogEntry> importLog();

    ProjectSettings settings();

    void saveSettings(ProjectSettings settings);

    /**
     * Starts writing a new dataset; nothing is visible until {@link DatasetWriter#commit}.
     *
     * @throws org.personaworkbench.engine.common.EngineException when the name is empty, invalid or in use
     */
    DatasetWriter newDataset(String name, List<DatasetColumn> columns);

    /**
     * Like {@link #newDataset}, but the name may be taken: on commit the old dataset of that name (and the
     * feature set it holds) is replaced in the same transaction, so readers see either the old or the new
     * values, never neither. Used to recompute a feature set from its recipe.
     */
    default DatasetWriter replacingDataset(String name, List<DatasetColumn> columns) {
        throw new UnsupportedOperationException("This project cannot replace datasets");
    }

    /**
     * Replaces the recipe JSON stored with a feature set (for example after the analyst saved per-feature
     * transforms), keeping its values and creation time.
     *
     * @throws org.personaworkbench.engine.common.EngineException when there is no such feature set
     */
    default void saveFeatureSetRecipe(String name, String recipeJson) {
        throw new UnsupportedOperationException("This project cannot change feature set recipes");
    }

    /** Removes a dataset and its columns metadata (the import log keeps its history). */
    void deleteDataset(String name);

    /** Feature sets in name order. */
    List<FeatureSetInfo> featureSets();

    /** The feature set with this name, ignoring case. */
    Optional<FeatureSetInfo> featureSet(String name);


    /** Saved segmentation runs, newest first. */
    default java.util.List<SegmentationRunInfo> segmentationRuns() {
        return java.util.List.of();
    }

    /** The saved run with this name, ignoring case. */
    default Optional<SegmentationRunInfo> segmentationRun(String name) {
        return Optional.empty();
    }

    /**
     * The assignments of a saved run.
     *
     * @throws org.personaworkbench.engine.common.EngineException when there is no such run
     */
    default RunAssignments runAssignments(String name) {
        throw new UnsupportedOperationException("This project does not store segmentation runs");
    }

    /**
     * Saves a run and its assignments in one transaction.
     *
     * @throws org.personaworkbench.engine.common.EngineException when the name is empty, invalid or in use
     */
    default void saveSegmentationRun(SegmentationRunInfo info, RunAssignments assignments) {
        throw new UnsupportedOperationException("This project does not store segmentation runs");
    }

    /** Deletes a saved run and its assignments. */
    default void deleteSegmentationRun(String name) {
        throw new UnsupportedOperationException("This project does not store segmentation runs");
    }

    /** Saved rule segments in name order. */
    default List<SavedRule> ruleSegments() {
        return List.of();
    }

    /** The saved rule segment with this name, ignoring case. */
    default Optional<SavedRule> ruleSegment(String name) {
        return Optional.empty();
    }

    /**
     * Saves a rule segment (the caller has validated the rule).
     *
     * @throws org.personaworkbench.engine.common.EngineException when the name is empty or in use
     */
    default void saveRuleSegment(SavedRule rule) {
        throw new UnsupportedOperationException("This project does not store rule segments");
    }

    /** Deletes a saved rule segment. */
    default void deleteRuleSegment(String name) {
        throw new UnsupportedOperationException("This project does not store rule segments");
    }

    /**
     * The stored persona documents (JSON, written and read by the personas package) of a segmentation run, by
     * segment number; empty when none are stored.
     */
    default java.util.Map<Integer, String> personaDocuments(String run) {
        return java.util.Map.of();
    }

    /** Stores (inserts or replaces) one persona document of a run in its own transaction. */
    default void savePersonaDocument(String run, int segment, String json) {
        throw new UnsupportedOperationException("This project does not store personas");
    }

    /** Deletes every persona document of a run (when the run is deleted or re-drafted). */
    default void deletePersonaDocuments(String run) {
        throw new UnsupportedOperationException("This project does not store personas");
    }

    /**
     * The named JSON documents of one kind (for example {@code "experiment"}), by saved name in name order; the
     * packages that own a kind write and read its JSON.
     */
    default java.util.Map<String, String> documents(String kind) {
        return java.util.Map.of();
    }

    /** The document of a kind with this name, ignoring case. */
    default Optional<String> document(String kind, String name) {
        return Optional.ofNullable(documents(kind).entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name.strip())).map(java.util.Map.Entry::getValue)
                .findFirst().orElse(null));
    }

    /**
     * Stores (inserts or replaces, by name ignoring case) one document in its own transaction.
     *
     * @throws org.personaworkbench.engine.common.EngineException when the name is empty or longer than 100
     */
    default void saveDocument(String kind, String name, String json) {
        throw new UnsupportedOperationException("This project does not store documents");
    }

    /** Deletes one document; false when there was none with this name. */
    default boolean deleteDocument(String kind, String name) {
        throw new UnsupportedOperationException("This project does not store documents");
    }

    /**
     * Runs read-only SQL work against a dataset's table (for profiles and, later, features).
     * The callback gets a connection and the quoted SQL table name; it must not write.
     */
    <T> T query(String dataset, DatasetQuery<T> query);

    /** Work run by {@link #query}. */
    @FunctionalInterface
    interface DatasetQuery<T> {
        T run(Connection connection, String quotedTable, List<String> quotedColumns) throws java.sql.SQLException;
    }

    @Override
    void close();
}
