package org.personaworkbench.engine.importing;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures import throughput (parse + convert, into a writer that only counts rows) on the bench file
 * made by {@code gen_transactions.py --n 1000000 --seed 7}, and the field parsers against the JDK's.
 * Not a test: run it by hand and compare with pandas.read_csv on the same file, same machine.
 *
 * <pre>
 * mvn -q -pl engine test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/pwb-cp.txt
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Xmx2g \
 *     -cp engine/target/classes:engine/target/test-classes:$(cat /tmp/pwb-cp.txt) \
 *     org.personaworkbench.engine.importing.ImportBench /work/shared/bench/data/transactions_1m.csv 9 [--h2]
 * </pre>
 * (Maven's own JVM is 17, so {@code exec:java} cannot run these JDK 25 classes.) Arguments: the file,
 * repetitions, and {@code --h2} to also time the import into a real project.
 */
public final class ImportBench {

    private ImportBench() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "/work/shared/bench/data/transactions_1m.csv");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        long t0 = System.nanoTime();
        CsvPreview preview = new CsvInspector().inspect(file, FormatOverrides.none());
        System.out.printf(Locale.ROOT, "inspect: %.3f s, %s%n", (System.nanoTime() - t0) / 1e9, preview.format());
        preview.columns().forEach(c -> System.out.println("  " + c));
        ImportOptions options = ImportOptions.fromPreview(preview, "bench", BadRowPolicy.SKIP);

        List<Double> times = new ArrayList<>();
        for (int rep = 0; rep < reps; rep++) {
            FakeProject project = new FakeProject(false, row -> { });
            long start = System.nanoTime();
            ImportResult result = new CsvImporter().importFile(project, file, options, Progress.NONE,
                    CancellationToken.create());
            double seconds = (System.nanoTime() - start) / 1e9;
            times.add(seconds);
            System.out.printf(Locale.ROOT, "import %d: %,d rows (%,d rejected) in %.3f s = %,.0f rows/s, sha %s%n",
                    rep, result.rows(), result.rejected(), seconds, result.rows() / seconds, result.sha256());
        }
        List<Double> sorted = times.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "median import: %.3f s%n", sorted.get(sorted.size() / 2));
        if (args.length > 2 && args[2].equals("--h2")) {
            h2(file, options);
        }

        for (int rep = 0; rep < 3; rep++) {
            long start = System.nanoTime();
            long fields = 0;
            try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
                for (CsvRecord r : reader) {
                    fields += r.getFieldCount();
                }
            }
            System.out.printf(Locale.ROOT, "FastCSV ofCsvRecord alone (Strings, no conversion): %.3f s (%,d fields)%n",
                    (System.nanoTime() - start) / 1e9, fields);
        }
        parserBench(file);
    }

    /** The same import into a real H2 project in a temporary folder: parse, convert and store. */
    private static void h2(Path file, ImportOptions options) throws IOException {
        Path folder = java.nio.file.Files.createTempDirectory("pwb-bench");
        for (int rep = 0; rep < 3; rep++) {
            Path projectFile = folder.resolve("bench" + rep);
            try (var project = new org.personaworkbench.engine.project.ProjectService()
                    .create(projectFile, org.personaworkbench.engine.project.ProjectOptions.plain())) {
                long start = System.nanoTime();
                ImportResult result = new CsvImporter().importFile(project, file, options, Progress.NONE,
                        CancellationToken.create());
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "import into H2 %d: %,d rows in %.3f s = %,.0f rows/s%n",
                        rep, result.rows(), seconds, result.rows() / seconds);
            }
        }
    }

    /** Field parsers against the JDK's on the quantity, unit_price and invoice_date columns. */
    private static void parserBench(Path file) throws IOException {
        List<char[]> quantities = new ArrayList<>();
        List<char[]> prices = new ArrayList<>();
        List<char[]> dates = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            reader.skipLines(1);
            for (CsvRecord r : reader) {
                quantities.add(r.getField(4).toCharArray());
                prices.add(r.getField(5).toCharArray());
                dates.add(r.getField(6).toCharArray());
            }
        }
        var formatter = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
        FieldConverter dateConverter = FieldConverter.forSpec(
                new ColumnSpec("d", ColumnType.DATETIME, ColumnRole.NONE, "yyyy-MM-dd'T'HH:mm:ss"));
        for (int rep = 0; rep < 5; rep++) {
            long sink = 0;
            long a = System.nanoTime();
            for (char[] q : quantities) {
                sink += Long.parseLong(new String(q, 0, q.length));
            }
            long b = System.nanoTime();
            for (char[] q : quantities) {
                sink += FastNumbers.parseLong(q, 0, q.length, false);
            }
            long c = System.nanoTime();
            double dsink = 0;
            for (char[] p : prices) {
                dsink += Double.parseDouble(new String(p, 0, p.length));
            }
            long d = System.nanoTime();
            for (char[] p : prices) {
                dsink += FastNumbers.parseDouble(p, 0, p.length, false);
            }
            long e = System.nanoTime();
            for (char[] t : dates) {
                sink += java.time.LocalDateTime.parse(new String(t, 0, t.length), formatter).getMinute();
            }
            long f = System.nanoTime();
            for (char[] t : dates) {
                sink += ((java.time.LocalDateTime) dateConverter.apply(t, 0, t.length)).getMinute();
            }
            long g = System.nanoTime();
            int n = quantities.size();
            System.out.printf(Locale.ROOT, "ns/field: Long.parseLong %.1f, FastNumbers.parseLong %.1f, "
                            + "Double.parseDouble %.1f, FastNumbers.parseDouble %.1f, DateTimeFormatter %.1f, "
                            + "TemporalScanner %.1f (sink %d %.0f)%n",
                    (b - a) / (double) n, (c - b) / (double) n, (d - c) / (double) n, (e - d) / (double) n,
                    (f - e) / (double) n, (g - f) / (double) n, sink, dsink);
        }
    }
}
