package org.personaworkbench.engine.project;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.importing.BadRowPolicy;
import org.personaworkbench.engine.importing.CsvImporter;
import org.personaworkbench.engine.importing.CsvInspector;
import org.personaworkbench.engine.importing.CsvPreview;
import org.personaworkbench.engine.importing.FormatOverrides;
import org.personaworkbench.engine.importing.ImportOptions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Child-process side of {@link CrashSafetyTest}; run as {@code CrashChild <mode> <project file>}.
 * <ul>
 *   <li>{@code import}: creates the project, commits a small dataset "first", prints {@value #COMMITTED}, then
 *       imports a 3-million-row CSV file with {@link CsvImporter} and prints {@value #WRITING} once a fifth of
 *       the file is in; the parent kills it from there.</li>
 *   <li>{@code hold}: opens the project, prints {@value #OPEN} and keeps it open until stdin closes.</li>
 * </ul>
 */
public final class CrashChild {

    static final String COMMITTED = "COMMITTED";
    static final String WRITING = "WRITING";
    static final String OPEN = "OPEN";
    static final int FIRST_ROWS = 100;
    static final long HUGE_CSV_ROWS = 3_000_000;

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

    /**
     * Imports a large CSV file (written next to the project first) through the real CSV importer, signalling
     * once a fifth of the file is in, so that the parent kills the process in the middle of the import.
     */
    static void writeHuge(Project project) throws IOException {
        Path csv = project.file().resolveSibling("huge.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("order_id,customer_id,amount,quantity,placed_at,channel\n");
            for (long i = 0; i < HUGE_CSV_ROWS; i++) {
                out.write(i + ",C" + (i % 50_000) + "," + (i % 997) + "." + (i % 100) + "," + (i % 9 + 1)
                        + ",2024-03-" + (10 + i % 18) + " 12:" + (10 + i % 50) + ":00," + (i % 3 == 0 ? "web" : "store")
                        + "\n");
            }
        }
        CsvPreview preview = new CsvInspector().inspect(csv, FormatOverrides.none());
        AtomicBoolean signalled = new AtomicBoolean();
        Progress progress = (done, total, message) -> {
            if (total > 0 && done * 5 >= total && signalled.compareAndSet(false, true)) {
                signal(WRITING);
            }
        };
        new CsvImporter().importFile(project, csv, ImportOptions.fromPreview(preview, "huge", BadRowPolicy.FAIL),
                progress, CancellationToken.create());
    }

    private static void signal(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
