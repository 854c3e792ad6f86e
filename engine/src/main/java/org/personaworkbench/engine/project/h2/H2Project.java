package org.personaworkbench.engine.project.h2;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.DatasetWriter;
import org.personaworkbench.engine.project.FeatureSetInfo;
import org.personaworkbench.engine.project.FeatureSetRecipe;
import org.personaworkbench.engine.project.ImportLogEntry;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectSettings;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.project.SavedRule;
import org.personaworkbench.engine.project.SegmentationRunInfo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A project backed by one H2 file. One connection, guarded by a lock, serves metadata reads and all
 * writes; {@link #query} and each {@link DatasetWriter} get connections of their own so that a long
 * profile or import never blocks the rest of the application.
 */
final class H2Project implements Project {

    private final Path file;
    private final ConnectionFactory connections;
    private final Connection main;
    private final Runnable onClose;
    private final ReentrantLock lock = new ReentrantLock();
    private final Metadata metadata = new Metadata();
    private final SettingsJson settingsJson = new SettingsJson();
    private final RunStore runStore = new RunStore();
    private final RuleStore ruleStore = new RuleStore();
    private final PersonaStore personaStore = new PersonaStore();
    private final DocumentStore documentStore = new DocumentStore();
    private final Set<H2DatasetWriter> writers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    H2Project(Path file, ConnectionFactory connections, Connection main, Runnable onClose) {
        this.file = file;
        this.connections = connections;
        this.main = main;
        this.onClose = onClose;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public boolean encrypted() {
        return connections.encrypted();
    }

    @Override
    public List<DatasetInfo> datasets() {
        return withMain("read the dataset list",
                connection -> metadata.datasets(connection).stream().map(StoredDataset::info).toList());
    }

    @Override
    public Optional<DatasetInfo> dataset(String name) {
        return stored(name).map(StoredDataset::info);
    }

    @Override
    public boolean hasDataset(String name) {
        return name != null && stored(name).isPresent();
    }

    Optional<StoredDataset> stored(String name) {
        Objects.requireNonNull(name, "name");
        return withMain("look up dataset '" + name + "'", connection -> metadata.find(connection, name));
    }

    @Override
    public List<ImportLogEntry> importLog() {
        return withMain("read the import log", metadata::importLog);
    }

    @Override
    public ProjectSettings settings() {
        return withMain("read the project settings", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT SETTINGS_JSON FROM PROJECT_SETTINGS WHERE ID = 1")) {
                if (!rows.next()) {
                    return ProjectSettings.defaults();
                }
                String json = rows.getString(1);
                try {
                    return settingsJson.read(json);
                } catch (JsonProcessingException e) {
                    throw new EngineException("The settings stored in the project " + file + " are damaged and "
                            + "cannot be read. Saving settings again will replace them.", e);
                }
            }
        });
    }

    @Override
    public void saveSettings(ProjectSettings settings) {
        Objects.requireNonNull(settings, "settings");
        String json;
        try {
            json = settingsJson.write(settings);
        } catch (JsonProcessingException e) {
            throw new EngineException("Could not save the project settings: a setting holds a value that cannot "
                    + "be written as JSON.", e);
        }
        withMain("save the project settings", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "MERGE INTO PROJECT_SETTINGS (ID, SETTINGS_JSON) KEY (ID) VALUES (1, ?)")) {
                statement.setString(1, json);
                statement.executeUpdate();
            }
            checkpoint(connection);
            return null;
        });
    }

    @Override
    public DatasetWriter newDataset(String name, List<DatasetColumn> columns) {
        return openWriter(name, columns, false);
    }

    @Override
    public DatasetWriter replacingDataset(String name, List<DatasetColumn> columns) {
        return openWriter(name, columns, true);
    }

    @Override
    public void saveFeatureSetRecipe(String name, String recipeJson) {
        Objects.requireNonNull(recipeJson, "recipeJson");
        int updated = withMain("save the recipe of feature set '" + name + "'", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE FEATURE_SETS SET RECIPE_JSON = ? WHERE NAME_KEY = ?")) {
                statement.setString(1, recipeJson);
                statement.setString(2, SqlNames.nameKey(name.strip()));
                int n = statement.executeUpdate();
                checkpoint(connection);
                return n;
            }
        });
        if (updated == 0) {
            throw new EngineException("The project " + file + " has no feature set named '" + name + "'.");
        }
    }

    private DatasetWriter openWriter(String name, List<DatasetColumn> columns, boolean replacing) {
        String checkedName = DatasetNames.check(name);
        DatasetNames.checkColumns(checkedName, columns);
        if (!replacing && hasDataset(checkedName)) {
            throw DatasetNames.alreadyExists(checkedName);
        }
        requireOpen();
        Connection connection = null;
        try {
            connection = connections.open();
            H2DatasetWriter writer = new H2DatasetWriter(this, checkedName, columns, connection, replacing);
            writers.add(writer);
            return writer;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlErrors.using(file, "start writing dataset '" + checkedName + "'", e);
        }
    }

    /**
     * Makes a finished staging table a dataset: renames it to its data-table name, then inserts the
     * dataset, its columns and the import-log entry in one transaction. H2 commits DDL by itself, so the
     * rename cannot share that transaction; a crash between the two leaves a data table no metadata
     * points at, which {@link LeftoverTables} drops on the next open. Called by the writer on its own
     * connection after its inserter has stopped.
     */
    DatasetInfo publish(Connection connection, long tableNumber, String name, List<DatasetColumn> columns, long rows,
                        ImportLogEntry logEntry, FeatureSetRecipe featureSet, boolean replacing,
                        Consumer<String> renamed) {
        lock.lock();
        try {
            requireOpen();
            String staging = SqlNames.stagingTable(tableNumber);
            String data = SqlNames.dataTable(tableNumber);
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + SqlNames.quote(staging) + " RENAME TO " + SqlNames.quote(data));
            }
            renamed.accept(data);
            Instant now = Instant.now();
            connection.setAutoCommit(false);
            Optional<StoredDataset> replaced = Optional.empty();
            try {
                if (replacing) {
                    replaced = metadata.find(connection, name);
                    if (replaced.isPresent()) {
                        metadata.deleteDataset(connection, replaced.get().id());
                    }
                }
                long datasetId = metadata.insertDataset(connection, name, data, rows, now, columns);
                if (featureSet != null) {
                    metadata.insertFeatureSet(connection, name, datasetId, featureSet, now, rows);
                }
                metadata.insertLog(connection, new ImportLogEntry(name, logEntry.sourcePath(), logEntry.sha256(),
                        logEntry.importedAt() == null ? now : logEntry.importedAt(), logEntry.rowsRead(),
                        logEntry.rowsRejected(), logEntry.rejectSummary()));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                if (SqlErrors.isDuplicateKey(e)) {
                    throw DatasetNames.alreadyExists(name);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            if (replaced.isPresent()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE IF EXISTS " + replaced.get().quotedTable());
                } catch (SQLException e) {
                    // the old values are unreferenced already; dropped on the next open
                }
            }
            checkpoint(connection);
            return new DatasetInfo(name, rows, columns, now);
        } catch (SQLException e) {
            throw SqlErrors.using(file, "save dataset '" + name + "'", e);
        } finally {
            lock.unlock();
        }
    }

    void writerClosed(H2DatasetWriter writer) {
        writers.remove(writer);
    }

    @Override
    public void deleteDataset(String name) {
        StoredDataset dataset = stored(name).orElseThrow(() -> DatasetNames.missing(name, file));
        withMain("delete dataset '" + name + "'", connection -> {
            connection.setAutoCommit(false);
            try {
                metadata.deleteDataset(connection, dataset.id());
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + dataset.quotedTable());
            } catch (SQLException e) {
                // the dataset is gone already; an unreferenced table is dropped on the next open
            }
            checkpoint(connection);
            return null;
        });
    }

    private static final String SELECT_FEATURE_SETS =
            "SELECT NAME, SOURCE_DATASET, KIND, RECIPE_JSON, CREATED_AT, ROW_COUNT FROM FEATURE_SETS";

    @Override
    public List<FeatureSetInfo> featureSets() {
        return withMain("read the feature set list", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    SELECT_FEATURE_SETS + " ORDER BY NAME_KEY, NAME, ID")) {
                return readFeatureSets(statement);
            }
        });
    }

    @Override
    public Optional<FeatureSetInfo> featureSet(String name) {
        Objects.requireNonNull(name, "name");
        return withMain("look up feature set '" + name + "'", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    SELECT_FEATURE_SETS + " WHERE NAME_KEY = ?")) {
                statement.setString(1, SqlNames.nameKey(name.strip()));
                return readFeatureSets(statement).stream().findFirst();
            }
        });
    }

    private static List<FeatureSetInfo> readFeatureSets(PreparedStatement statement) throws SQLException {
        List<FeatureSetInfo> sets = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sets.add(new FeatureSetInfo(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getObject(5, OffsetDateTime.class).toInstant(), rows.getLong(6)));
            }
        }
        return sets;
    }

    @Override
    public List<SegmentationRunInfo> segmentationRuns() {
        return withMain("read the list of segmentation runs", runStore::runs);
    }

    @Override
    public Optional<SegmentationRunInfo> segmentationRun(String name) {
        Objects.requireNonNull(name, "name");
        return withMain("look up segmentation run '" + name + "'", connection -> runStore.find(connection, name));
    }

    /** Reads on a connection of its own, so a million assignments never hold up the rest of the application. */
    @Override
    public RunAssignments runAssignments(String name) {
        Objects.requireNonNull(name, "name");
        requireOpen();
        try (Connection connection = connections.open()) {
            connection.setReadOnly(true);
            long id = runStore.id(connection, name);
            if (id < 0) {
                throw RunNames.missing(name, file);
            }
            RunAssignments assignments = runStore.assignments(connection, id);
            return assignments != null ? assignments : new RunAssignments(List.of(), new int[0]);
        } catch (SQLException e) {
            throw SqlErrors.using(file, "read the assignments of segmentation run '" + name + "'", e);
        }
    }

    /**
     * Inserts the run and all its assignments in one transaction on a connection of its own (other connections
     * see nothing until the commit), then checkpoints so a crash cannot lose the committed run.
     */
    @Override
    public void saveSegmentationRun(SegmentationRunInfo info, RunAssignments assignments) {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(assignments, "assignments");
        String name = RunNames.check(info.name());
        if (segmentationRun(name).isPresent()) {
            throw RunNames.alreadyExists(name);
        }
        requireOpen();
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            try {
                runStore.insert(connection, name, info, assignments);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                if (e instanceof SQLException sql && SqlErrors.isDuplicateKey(sql)) {
                    throw RunNames.alreadyExists(name);
                }
                throw e;
            }
            connection.setAutoCommit(true);
            checkpoint(connection);
        } catch (SQLException e) {
            throw SqlErrors.using(file, "save segmentation run '" + name + "'", e);
        }
    }

    @Override
    public void deleteSegmentationRun(String name) {
        Objects.requireNonNull(name, "name");
        withMain("delete segmentation run '" + name + "'", connection -> {
            long id = runStore.id(connection, name);
            if (id < 0) {
                throw RunNames.missing(name, file);
            }
            connection.setAutoCommit(false);
            try {
                personaStore.delete(connection, name);
                runStore.delete(connection, id);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            checkpoint(connection);
            return null;
        });
    }

    @Override
    public java.util.Map<Integer, String> personaDocuments(String run) {
        Objects.requireNonNull(run, "run");
        return withMain("read the personas of segmentation run '" + run + "'",
                connection -> personaStore.documents(connection, run));
    }

    /** One MERGE in auto-commit mode (its own transaction), then a checkpoint so the edit survives a crash. */
    @Override
    public void savePersonaDocument(String run, int segment, String json) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(json, "json");
        withMain("save persona " + segment + " of segmentation run '" + run + "'", connection -> {
            SegmentationRunInfo info = runStore.find(connection, run).orElseThrow(() -> RunNames.missing(run, file));
            personaStore.save(connection, info.name(), segment, json, Instant.now());
            checkpoint(connection);
            return null;
        });
    }

    @Override
    public void deletePersonaDocuments(String run) {
        Objects.requireNonNull(run, "run");
        withMain("delete the personas of segmentation run '" + run + "'", connection -> {
            personaStore.delete(connection, run);
            checkpoint(connection);
            return null;
        });
    }

    @Override
    public java.util.Map<String, String> documents(String kind) {
        Objects.requireNonNull(kind, "kind");
        return withMain("read the saved " + kind + "s", connection -> documentStore.all(connection, kind));
    }

    @Override
    public Optional<String> document(String kind, String name) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        return withMain("read " + kind + " '" + name + "'", connection -> documentStore.find(connection, kind, name));
    }

    /** One MERGE in auto-commit mode (its own transaction), then a checkpoint so the save survives a crash. */
    @Override
    public void saveDocument(String kind, String name, String json) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(json, "json");
        String checked = DocumentStore.check(kind, name);
        withMain("save " + kind + " '" + checked + "'", connection -> {
            documentStore.save(connection, kind, checked, json, Instant.now());
            checkpoint(connection);
            return null;
        });
    }

    @Override
    public boolean deleteDocument(String kind, String name) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        return withMain("delete " + kind + " '" + name + "'", connection -> {
            boolean deleted = documentStore.delete(connection, kind, name);
            checkpoint(connection);
            return deleted;
        });
    }

    @Override
    public List<SavedRule> ruleSegments() {
        return withMain("read the list of rule segments", ruleStore::all);
    }

    @Override
    public Optional<SavedRule> ruleSegment(String name) {
        Objects.requireNonNull(name, "name");
        return withMain("look up rule segment '" + name + "'", connection -> ruleStore.find(connection, name));
    }

    @Override
    public void saveRuleSegment(SavedRule rule) {
        Objects.requireNonNull(rule, "rule");
        String name = RuleStore.check(rule.name());
        withMain("save rule segment '" + name + "'", connection -> {
            if (ruleStore.find(connection, name).isPresent()) {
                throw new EngineException("A rule segment named '" + name + "' already exists in this project. "
                        + "Choose another name or delete the old one.");
            }
            ruleStore.insert(connection, name, rule);
            checkpoint(connection);
            return null;
        });
    }

    @Override
    public void deleteRuleSegment(String name) {
        Objects.requireNonNull(name, "name");
        withMain("delete rule segment '" + name + "'", connection -> {
            if (!ruleStore.delete(connection, name)) {
                throw new EngineException("There is no rule segment named '" + name + "' in the project " + file
                        + ".");
            }
            checkpoint(connection);
            return null;
        });
    }

    @Override
    public <T> T query(String dataset, DatasetQuery<T> query) {
        Objects.requireNonNull(query, "query");
        StoredDataset stored = stored(dataset).orElseThrow(() -> DatasetNames.missing(dataset, file));
        requireOpen();
        try (Connection connection = connections.open()) {
            connection.setReadOnly(true);
            return query.run(connection, stored.quotedTable(), stored.quotedColumns());
        } catch (SQLException e) {
            throw SqlErrors.using(file, "read dataset '" + stored.info().name() + "'", e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        for (H2DatasetWriter writer : new ArrayList<>(writers)) {
            writer.close();
        }
        try {
            closeQuietly(main);
        } finally {
            connections.clear();
            onClose.run();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new EngineException("The project " + file + " has been closed. Open it again to continue.",
                    "Project used after close()");
        }
    }

    private <T> T withMain(String action, SqlWork<T> work) {
        lock.lock();
        try {
            requireOpen();
            return work.run(main);
        } catch (SQLException e) {
            throw SqlErrors.using(file, action, e);
        } finally {
            lock.unlock();
        }
    }

    /** Writes committed changes to disk now instead of within H2's write delay, so a crash cannot lose them. */
    private static void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing more to do
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
