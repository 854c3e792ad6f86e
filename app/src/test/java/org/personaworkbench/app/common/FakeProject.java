package org.personaworkbench.app.common;

import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.DatasetWriter;
import org.personaworkbench.engine.project.ImportLogEntry;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An in-memory project holding dataset descriptions only. */
public final class FakeProject implements Project {

    private final Path file;
    private final boolean encrypted;
    private final List<DatasetInfo> datasets = new ArrayList<>();
    public volatile boolean closed;

    public FakeProject(Path file, boolean encrypted) {
        this.file = file;
        this.encrypted = encrypted;
    }

    void add(DatasetInfo info) {
        datasets.add(info);
        datasets.sort(Comparator.comparing(DatasetInfo::name));
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public boolean encrypted() {
        return encrypted;
    }

    @Override
    public List<DatasetInfo> datasets() {
        return List.copyOf(datasets);
    }

    @Override
    public Optional<DatasetInfo> dataset(String name) {
        return datasets.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public boolean hasDataset(String name) {
        return dataset(name).isPresent();
    }

    @Override
    public List<ImportLogEntry> importLog() {
        return List.of();
    }

    @Override
    public ProjectSettings settings() {
        return ProjectSettings.defaults();
    }

    @Override
    public void saveSettings(ProjectSettings settings) {
    }

    @Override
    public DatasetWriter newDataset(String name, List<DatasetColumn> columns) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteDataset(String name) {
        datasets.removeIf(d -> d.name().equalsIgnoreCase(name));
    }

    @Override
    public <T> T query(String dataset, DatasetQuery<T> query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        closed = true;
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
