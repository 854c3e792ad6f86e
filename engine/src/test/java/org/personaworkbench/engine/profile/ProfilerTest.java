package org.personaworkbench.engine.profile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.CancelledException;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetWriter;
import org.personaworkbench.engine.project.ImportLogEntry;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfilerTest {

    private static final List<DatasetColumn> COLUMNS = List.of(
            new DatasetColumn("age", ColumnType.INTEGER, ColumnRole.NONE),
            new DatasetColumn("spend", ColumnType.DECIMAL, ColumnRole.AMOUNT),
            new DatasetColumn("member", ColumnType.BOOLEAN, ColumnRole.NONE),
            new DatasetColumn("city", ColumnType.TEXT, ColumnRole.CATEGORY),
            new DatasetColumn("joined", ColumnType.DATE, ColumnRole.NONE),
            new DatasetColumn("last seen", ColumnType.DATETIME, ColumnRole.TIMESTAMP));

    @TempDir
    Path folder;

    private Project project;
    private final Profiler profiler = new Profiler();

    @BeforeEach
    void createProject() {
        project = new ProjectService().create(folder.resolve("p"), ProjectOptions.plain());
        write("Customers", COLUMNS, List.of(
                row(10L, 1.5, true, "Leeds", date("2024-03-01"), time("2024-05-01T10:00")),
                row(20L, 2.5, false, "York", date("2023-12-31"), null),
                row(30L, null, true, "Leeds", null, time("2024-05-01T09:30:15")),
                row(40L, null, null, null, date("2024-03-01"), time("2024-05-01T10:00")),
                row(null, 4.0, true, "Bath", date("2024-01-15"), null),
                row(20L, 2.0, false, "York", null, time("2024-07-01T10:00"))));
    }

    @AfterEach
    void closeProject() {
        project.close();
    }

    @Test
    void integerColumnGetsExactCountsMeanMedianAndHistogram() {
        ColumnProfile age = profiler.profile(project, "Customers", Progress.NONE, CancellationToken.create())
                .columns().getFirst();
        assertEquals(new ColumnProfile("age", ColumnType.INTEGER, ColumnRole.NONE, 1, 1.0 / 6, 4, 10.0, 40.0, 24.0,
                20.0, null, null, List.of(), new Histogram(10, 40, bins(0, 1, 6, 2, 13, 1, 19, 1))), age);
    }

    @Test
    void decimalColumnMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        ColumnProfile spend = profiler.profile(project, "Customers", Progress.NONE, CancellationToken.create())
                .columns().get(1);
        assertEquals(new ColumnProfile("spend", ColumnType.DECIMAL, ColumnRole.AMOUNT, 2, 2.0 / 6, 4, 1.5, 4.0, 2.5,
                2.25, null, null, List.of(), new Histogram(1.5, 4.0, bins(0, 1, 4, 1, 8, 1, 19, 1))), spend);
    }

    @Test
    void booleanAndTextColumnsGetTopValuesByCountThenValue() {
        DatasetProfile profile = profiler.profile(project, "Customers", Progress.NONE, CancellationToken.create());
        assertEquals(new ColumnProfile("member", ColumnType.BOOLEAN, ColumnRole.NONE, 1, 1.0 / 6, 2, null, null, null,
                null, null, null, List.of(new ValueCount("true", 3), new ValueCount("false", 2)), null),
                profile.columns().get(2));
        assertEquals(new ColumnProfile("city", ColumnType.TEXT, ColumnRole.CATEGORY, 1, 1.0 / 6, 3, null, null, null,
                null, null, null, List.of(new ValueCount("Leeds", 2), new ValueCount("York", 2),
                new ValueCount("Bath", 1)), null), profile.columns().get(3));
    }

    @Test
    void dateAndDatetimeColumnsGetIsoMinimumAndMaximum() {
        DatasetProfile profile = profiler.profile(project, "Customers", Progress.NONE, CancellationToken.create());
        assertEquals(new ColumnProfile("joined", ColumnType.DATE, ColumnRole.NONE, 2, 2.0 / 6, 3, null, null, null,
                null, "2023-12-31", "2024-03-01", List.of(), null), profile.columns().get(4));
        assertEquals(new ColumnProfile("last seen", ColumnType.DATETIME, ColumnRole.TIMESTAMP, 2, 2.0 / 6, 3, null,
                null, null, null, "2024-05-01T09:30:15", "2024-07-01T10:00:00", List.of(), null),
                profile.columns().get(5));
        assertEquals(6, profile.rows());
        assertEquals("Customers", profile.dataset());
    }

    @Test
    void onlyTheTenMostFrequentTextValuesAreKept() {
        List<Object[]> rows = new ArrayList<>();
        for (int value = 0; value < 12; value++) {
            for (int copy = 0; copy <= value; copy++) {
                rows.add(new Object[] {"v" + (char) ('a' + value)});
            }
        }
        write("Letters", List.of(new DatasetColumn("letter", ColumnType.TEXT, ColumnRole.NONE)), rows);
        ColumnProfile letter = profiler.profile(project, "Letters", Progress.NONE, CancellationToken.create())
                .columns().getFirst();
        assertEquals(12, letter.distinct());
        assertEquals(Profiler.TOP_VALUES, letter.topValues().size());
        assertEquals(new ValueCount("vl", 12), letter.topValues().getFirst());
        assertEquals(new ValueCount("vc", 3), letter.topValues().getLast());
    }

    @Test
    void constantColumnPutsEveryValueInTheFirstBin() {
        write("Same", List.of(new DatasetColumn("x", ColumnType.DECIMAL, ColumnRole.NONE)),
                List.<Object[]>of(new Object[] {7.0}, new Object[] {7.0}, new Object[] {null}));
        ColumnProfile x = profiler.profile(project, "Same", Progress.NONE, CancellationToken.create())
                .columns().getFirst();
        assertEquals(new Histogram(7, 7, bins(0, 2)), x.histogram());
        assertEquals(1, x.distinct());
    }

    @Test
    void emptyDatasetAndEmptyColumnsHaveNoFiguresAndNoNaN() {
        write("Empty", COLUMNS, List.of());
        write("Nulls", List.of(new DatasetColumn("n", ColumnType.INTEGER, ColumnRole.NONE)),
                List.<Object[]>of(new Object[] {null}));
        ColumnProfile empty = profiler.profile(project, "Empty", Progress.NONE, CancellationToken.create())
                .columns().getFirst();
        assertEquals(0.0, empty.missingShare());
        assertNull(empty.histogram());
        ColumnProfile nulls = profiler.profile(project, "Nulls", Progress.NONE, CancellationToken.create())
                .columns().getFirst();
        assertEquals(new ColumnProfile("n", ColumnType.INTEGER, ColumnRole.NONE, 1, 1.0, 0, null, null, null, null,
                null, null, List.of(), null), nulls);
    }

    @Test
    void progressIsReportedAfterEveryColumnAndEndsComplete() {
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        List<long[]> reports = Collections.synchronizedList(new ArrayList<>());
        profiler.profile(project, "Customers", (done, total, message) -> {
            messages.add(message);
            reports.add(new long[] {done, total});
        }, CancellationToken.create());
        assertEquals(List.of("Profiled column 'age' (1 of 6)", "Profiled column 'spend' (2 of 6)",
                "Profiled column 'member' (3 of 6)", "Profiled column 'city' (4 of 6)",
                "Profiled column 'joined' (5 of 6)", "Profiled column 'last seen' (6 of 6)"),
                messages.stream().filter(m -> m.startsWith("Profiled column")).toList());
        long[] last = reports.getLast();
        assertEquals(last[1], last[0]);
        assertEquals(6 + 6, last[1]);
    }

    @Test
    void cancellingBetweenColumnsStopsBeforeTheNextColumn() {
        CancellationToken cancel = CancellationToken.create();
        List<String> columnsDone = new ArrayList<>();
        assertThrows(CancelledException.class, () -> profiler.profile(project, "Customers", (done, total, message) -> {
            if (message.startsWith("Profiled column")) {
                columnsDone.add(message);
                cancel.cancel();
            }
        }, cancel));
        assertEquals(List.of("Profiled column 'age' (1 of 6)"), columnsDone);
    }

    @Test
    void profilingAnUnknownDatasetSaysSo() {
        EngineException error = assertThrows(EngineException.class,
                () -> profiler.profile(project, "Nope", Progress.NONE, CancellationToken.create()));
        assertTrue(error.getMessage().startsWith("There is no dataset named 'Nope' to profile."), error.getMessage());
    }

    private void write(String name, List<DatasetColumn> columns, List<Object[]> rows) {
        try (DatasetWriter writer = project.newDataset(name, columns)) {
            rows.forEach(writer::append);
            writer.commit(new ImportLogEntry(name, null, null, Instant.now(), rows.size(), 0, null));
        }
    }

    private static Object[] row(Object... values) {
        return values;
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static LocalDateTime time(String text) {
        return LocalDateTime.parse(text);
    }

    /** Twenty bin counts from (bin, count) pairs; other bins are zero. */
    private static List<Long> bins(int... binAndCount) {
        Long[] counts = new Long[Profiler.BINS];
        java.util.Arrays.fill(counts, 0L);
        for (int i = 0; i < binAndCount.length; i += 2) {
            counts[binAndCount[i]] = (long) binAndCount[i + 1];
        }
        return List.of(counts);
    }
}
