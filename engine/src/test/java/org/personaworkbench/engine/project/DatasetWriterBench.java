package org.personaworkbench.engine.project;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.profile.Profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Prints import and profile speed for synthetic 8-column rows (not a test: timings depend on the machine).
 * Run: {@code java -cp <test classpath> org.personaworkbench.engine.project.DatasetWriterBench [rows] [runs]
 * [password]}; add {@code -Dpwb.bench.importOnly=true} to skip profiling.
 */
public final class DatasetWriterBench {

    private DatasetWriterBench() {
    }

    public static void main(String[] args) throws IOException {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ProjectOptions options = args.length > 2 ? ProjectOptions.withPassword(args[2].toCharArray())
                : ProjectOptions.plain();
        for (int run = 1; run <= runs; run++) {
            Path folder = Files.createTempDirectory("pwb-bench");
            try {
                Path file = folder.resolve("bench.mv.db");
                try (Project project = new ProjectService().create(file, options)) {
                    long start = System.nanoTime();
                    long committing;
                    try (DatasetWriter writer = project.newDataset("bench", TestData.wideColumns())) {
                        Object[] row = new Object[8];
                        for (long i = 0; i < rows; i++) {
                            TestData.fillWideRow(row, i);
                            writer.append(row);
                        }
                        committing = System.nanoTime();
                        writer.commit(TestData.logEntry("bench", rows));
                    }
                    long end = System.nanoTime();
                    double seconds = (end - start) / 1e9;
                    System.out.printf("run %d: imported %,d rows x 8 columns in %.2f s = %,.0f rows/s, of which commit "
                                    + "%.2f s (file %,d MB)%n", run, rows, seconds, rows / seconds,
                            (end - committing) / 1e9, Files.size(file) >> 20);
                    if (Boolean.getBoolean("pwb.bench.importOnly")) {
                        continue;
                    }
                    start = System.nanoTime();
                    new Profiler().profile(project, "bench", Progress.NONE, CancellationToken.create());
                    System.out.printf("run %d: profiled in %.2f s%n", run, (System.nanoTime() - start) / 1e9);
                }
            } finally {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }
}
