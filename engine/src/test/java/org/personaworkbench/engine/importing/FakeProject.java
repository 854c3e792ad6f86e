package org.personaworkbench.engine.importing;

import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.DatasetWriter;
import org.personaworkbench.engine.project.ImportLogEntry;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectSettings;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An in-memory project for importer tests: datasets become visible only on commit, like the real one,
 * and the writer records rows (copying the reused array) unless told to only count them (for benches).
 */
final class FakeProject implements Project {

    private final Map<String, DatasetInfo> datasets = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, List<Object[]>> rows = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<ImportLogEntry> log = new ArrayList<>();
    private final boolean keepRows;
    private final Consumer<Object[]> rowListener;
    RecordingWriter lastWriter;
    int newDatasetCalls;

    FakeProject() {
        this(true, row -> { });
    }

    /** A project whose writers keep rows or not, and show every appended row to a listener. */
    FakeProject(boolean keepRows, Consumer<Object[]> rowListener) {
        this.keepRows = keepRows;
        this.rowListener = rowListener;
    }

    /** Adds a committed dataset, so that its name is taken. */
    FakeProject with(String dataset) {
        datasets.put(dataset, new DatasetInfo(dataset, 0, List.of(), Instant.now()));
        return this;
    }

    List<Object[]> rows(String dataset) {
        return rows.get(dataset);
    }

    @Override
    public Path file() {
        return Path.of("fake.mv.db");
    }

    @Override
    public boolean encrypted() {
        return false;
    }

    @Override
    public List<DatasetInfo> datasets() {
        return List.copyOf(datasets.values());
    }

    @Override
    public Optional<DatasetInfo> dataset(String name) {
        return Optional.ofNullable(datasets.get(name));
    }

    @Override
    public boolean hasDataset(String name) {
        return datasets.containsKey(name);
    }

    @Override
    public List<ImportLogEntry> importLog() {
        return List.copyOf(log.reversed());
    }

    @Override
    public ProjectSettings settings() {
        return ProjectSettings.defaults();
    }

    @Override
    public void saveSettings(ProjectSettings settings) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DatasetWriter newDataset(String name, List<DatasetColumn> columns) {
        newDatasetCalls++;
        if (hasDataset(name)) {
            throw new EngineException("A dataset named '" + name.toLowerCase(Locale.ROOT) + "' already exists.");
        }
        lastWriter = new RecordingWriter(name, columns);
        return lastWriter;
    }

    @Override
    public void deleteDataset(String name) {
        datasets.remove(name);
        rows.remove(name);
    }

    @Override
    public <T> T query(String dataset, DatasetQuery<T> query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }

    /** Records rows in memory; publishes them to the project on commit. */
    final class RecordingWriter implements DatasetWriter {
        private final String name;
        private final List<DatasetColumn> columns;
        private final List<Object[]> written = new ArrayList<>();
        private long count;
        boolean committed;
        boolean closed;

        RecordingWriter(String name, List<DatasetColumn> columns) {
            this.name = name;
            this.columns = List.copyOf(columns);
        }

        @Override
        public List<DatasetColumn> columns() {
            return columns;
        }

        @Override
        public void append(Object[] row) {
            if (closed || committed) {
                throw new IllegalStateException("writer is finished");
            }
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("row has " + row.length + " values");
            }
            count++;
            rowListener.accept(row);
            if (keepRows) {
                written.add(row.clone());
            }
        }

        @Override
        public long rowCount() {
            return count;
        }

        @Override
        public DatasetInfo commit(ImportLogEntry logEntry) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            committed = true;
            DatasetInfo info = new DatasetInfo(name, count, columns, logEntry.importedAt());
            datasets.put(name, info);
            rows.put(name, written);
            log.add(logEntry);
            return info;
        }

        @Override
        public DatasetInfo commitFeatureSet(ImportLogEntry logEntry,
                                            org.personaworkbench.engine.project.FeatureSetRecipe recipe) {
            throw new UnsupportedOperationException("the fake project keeps no feature sets");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Override
    public java.util.List<org.personaworkbench.engine.project.FeatureSetInfo> featureSets() {
        return java.util.List.of();
    }

    @Override
    public java.util.Optional<org.personaworkbench.engine.project.FeatureSetInfo> featureSet(String name) {
        return java.util.Optional.empty();
    }
}
