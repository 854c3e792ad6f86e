package org.personaworkbench.app.cli;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.importing.BadRowPolicy;
import org.personaworkbench.engine.importing.CsvImporter;
import org.personaworkbench.engine.importing.CsvInspector;
import org.personaworkbench.engine.importing.CsvPreview;
import org.personaworkbench.engine.importing.FormatOverrides;
import org.personaworkbench.engine.importing.ImportOptions;
import org.personaworkbench.engine.importing.ImportResult;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pwb bench-import --csv FILE}: imports a file into a fresh temporary project several times and
 * reports the median wall time, so the importer can be compared with pandas.read_csv on the same file in
 * the same run ({@code bench/import-vs-pandas.sh}). Not a test: numbers vary with the machine's load.
 */
@Command(name = "bench-import", mixinStandardHelpOptions = true,
        description = "Benchmark: import FILE into fresh temporary projects and report the median time.")
final class BenchImportCommand implements Callable<Integer> {

    @Mixin
    OutputOptions output;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The file to import.")
    Path csv;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs after one warm-up (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed warm-up runs (default ${DEFAULT-VALUE}).")
    int warmup;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Double> importSeconds = new ArrayList<>();
        List<Double> totalSeconds = new ArrayList<>();
        ImportResult last = null;
        for (int i = 0; i < warmup + runs; i++) {
            Path dir = Files.createTempDirectory("pwb-bench");
            try {
                long start = System.nanoTime();
                try (Project p = new ProjectService().create(dir.resolve("bench.mv.db"), ProjectOptions.plain())) {
                    CsvPreview preview = new CsvInspector().inspect(csv, FormatOverrides.none());
                    last = new CsvImporter().importFile(p, csv,
                            ImportOptions.fromPreview(preview, "bench", BadRowPolicy.SKIP), Progress.NONE,
                            CancellationToken.create());
                }
                double total = (System.nanoTime() - start) / 1e9;
                if (i >= warmup) {
                    importSeconds.add(last.seconds());
                    totalSeconds.add(total);
                }
            } finally {
                deleteTree(dir);
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", csv.toAbsolutePath().toString());
        doc.put("rows", last.rows());
        doc.put("rejected", last.rejected());
        doc.put("sha256", last.sha256());
        doc.put("import_seconds_median", median(importSeconds));
        doc.put("import_seconds_runs", importSeconds);
        doc.put("create_inspect_import_close_seconds_median", median(totalSeconds));
        doc.put("total_seconds_runs", totalSeconds);
        doc.put("java", Runtime.version().toString());
        doc.put("processors", Runtime.getRuntime().availableProcessors());
        if (output.json) {
            spec.commandLine().getOut().println(Json.write(doc));
        } else {
            spec.commandLine().getOut().printf("%,d rows: import median %.3f s (runs %s); with project create, inspect "
                    + "and close %.3f s%n", last.rows(), median(importSeconds), importSeconds, median(totalSeconds));
        }
        return 0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
