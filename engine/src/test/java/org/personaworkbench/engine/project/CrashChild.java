package org.personaworkbench.engine.project;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Child-process side of {@link CrashSafetyTest}; run as {@code CrashChild <mode> <project file>}.
 * <ul>
 *   <li>{@code import}: creates the project, commits a small dataset "first", prints {@value #COMMITTED}, then
 *       writes a dataset far too large to finish and prints {@value #WRITING} once 200,000 rows are in; the
 *       parent kills it from there.</li>
 *   <li>{@code hold}: opens the project, prints {@value #OPEN} and keeps it open until stdin closes.</li>
 * </ul>
 * To exercise the CSV importer instead, replace {@link #writeHuge} with an importer call that reports progress.
 */
public final class CrashChild {

    static final String COMMITTED = "COMMITTED";
    static final String WRITING = "WRITING";
    static final String OPEN = "OPEN";
    static final int FIRST_ROWS = 100;
    static final long SIGNAL_AFTER_ROWS = 200_000;

    private CrashChild() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        ProjectService service = new ProjectService();
        switch (args[0]) {
            case "import" -> {
                Project project = service.create(file, ProjectOptions.plain());
                TestData.writeOrders(project, "first", FIRST_ROWS);
                signal(COMMITTED);
                writeHuge(project);
                project.close();
            }
            case "hold" -> {
                Project project = service.open(file, ProjectOptions.plain());
                try {
                    signal(OPEN);
                    while (System.in.read() >= 0) {
                        // wait until the parent closes our stdin
                    }
                } finally {
                    project.close();
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** Writes rows until killed (100 million would take minutes), signalling once well under way. */
    static void writeHuge(Project project) {
        try (DatasetWriter writer = project.newDataset("huge", TestData.wideColumns())) {
            Object[] row = new Object[8];
            for (long i = 0; i < 100_000_000L; i++) {
                TestData.fillWideRow(row, i);
                writer.append(row);
                if (i + 1 == SIGNAL_AFTER_ROWS) {
                    signal(WRITING);
                }
            }
            writer.commit(TestData.logEntry("huge", writer.rowCount()));
        }
    }

    private static void signal(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
