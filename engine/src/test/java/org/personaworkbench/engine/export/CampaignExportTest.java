package org.personaworkbench.engine.export;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.CancelledException;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.features.FeatureColumn;
import org.personaworkbench.engine.features.FeatureTable;
import org.personaworkbench.engine.features.FeatureTables;
import org.personaworkbench.engine.personas.Persona;
import org.personaworkbench.engine.personas.Personas;
import org.personaworkbench.engine.project.FeatureSetRecipe;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.project.SegmentationRunInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignExportTest {

    @TempDir
    Path folder;

    private Project project;
    private final List<String> ids = new ArrayList<>();
    private int[] labels;
    private double[] monetary;
    private double[] recency;
    private String[] city;

    /** 10,000 customers, some with ids and cities that look like formulas, monetary values that are negative. */
    @BeforeEach
    void projectWithFeatureSetAndRun() {
        project = new ProjectService().create(folder.resolve("p"), ProjectOptions.plain());
        int n = 10_000;
        Random random = new Random(3);
        labels = new int[n];
        monetary = new double[n];
        recency = new double[n];
        city = new String[n];
        for (int i = 0; i < n; i++) {
            ids.add(switch (i) {
                case 0 -> "=HYPERLINK(\"http://evil.example\",\"click\")";
                case 1 -> "@SUM(A1:A9)";
                case 2 -> "+31 6 123";
                case 3 -> "-42";
                case 4 -> "C,with \"quotes\"";
                default -> "C" + (100_000 + i);
            });
            labels[i] = i % 50 == 0 ? -1 : random.nextInt(3);
            monetary[i] = i == 5 ? -1.5 : Math.round(random.nextGaussian() * 10_000) / 100.0;
            recency[i] = random.nextInt(400);
            city[i] = i == 6 ? "=cmd|' /C calc'!A0" : i == 7 ? "\tTab" : i == 8 ? null : "City" + (i % 7);
        }
        FeatureTable table = new FeatureTable(ids, List.of(FeatureColumn.numeric("recency_days", true, recency),
                FeatureColumn.numeric("monetary", false, monetary), FeatureColumn.text("city", city)));
        FeatureTables.save(project, "rfm", new FeatureSetRecipe("orders", "rfm", "{}"), table, false,
                CancellationToken.create());
        project.saveSegmentationRun(new SegmentationRunInfo("March", "rfm", "v", "hash", "kmeans", "{}", 7, 3, n,
                "{}", "{}", Instant.now()), new RunAssignments(ids, labels));
    }

    @AfterEach
    void close() {
        project.close();
    }

    private ExportResult export(ExportOptions options) {
        return CampaignExport.write(project, ExportSource.fromRun(project, "march"), options, Progress.NONE,
                CancellationToken.create());
    }

    @Test
    void runExportRoundTripsIdsSegmentsAndFeatureValues() throws Exception {
        Path out = folder.resolve("campaign.csv");
        ExportResult result = export(ExportOptions.to(out).withColumns(List.of("monetary", "CITY", "recency_days")));

        List<List<String>> rows = Csv.read(out);
        assertEquals(List.of("customer_id", "segment", "persona", "monetary", "city", "recency_days"), rows.get(0));
        assertEquals(rows.get(0), result.columns());
        assertEquals(10_000, result.rows());
        assertEquals(10_001, rows.size());
        for (int i = 0; i < ids.size(); i++) {
            List<String> row = rows.get(i + 1);
            assertEquals(ids.get(i), Csv.unneutralised(row.get(0)), "row " + i);
            assertEquals(labels[i] < 0 ? "noise" : Integer.toString(labels[i]), row.get(1));
            assertEquals("", row.get(2));
            assertEquals(monetary[i], Double.parseDouble(row.get(3)), 0.0);
            assertEquals(city[i] == null ? "" : city[i], Csv.unneutralised(row.get(4)));
            assertEquals(Long.toString((long) recency[i]), row.get(5));
        }
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out))),
                result.sha256());
    }

    @Test
    void formulaLikeTextCellsAreNeutralisedButNegativeNumbersStayNumbers() throws IOException {
        Path out = folder.resolve("campaign.csv");
        export(ExportOptions.to(out).withColumns(List.of("monetary", "city")).withPersonaColumn(false));

        List<List<String>> rows = Csv.read(out);
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", rows.get(1).get(0));
        assertEquals("'@SUM(A1:A9)", rows.get(2).get(0));
        assertEquals("'+31 6 123", rows.get(3).get(0));
        assertEquals("'-42", rows.get(4).get(0));
        assertEquals("C,with \"quotes\"", rows.get(5).get(0));
        assertEquals("-1.5", rows.get(6).get(2));
        assertEquals("'=cmd|' /C calc'!A0", rows.get(7).get(3));
        assertEquals("'\tTab", rows.get(8).get(3));
        for (List<String> row : rows.subList(1, rows.size())) {
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0, row.toString());
            }
            assertFalse(row.get(2).startsWith("'"), row.toString());
        }
        assertEquals("'=x", CsvCells.text("=x"));
        assertEquals("\"'=1,2\"", CsvCells.text("=1,2"));
        assertEquals("-1.5", CsvCells.number(-1.5, false));
        assertEquals("12000000000", CsvCells.number(1.2e10, false));
        assertEquals("", CsvCells.number(Double.NaN, false));
        assertEquals("4310", CsvCells.number(4309.999999999997, false), "binary noise of a sum of prices is rounded away");
        assertEquals("1797.24", CsvCells.number(1797.24, false));
        assertEquals("0.1", CsvCells.number(0.1, false));
    }

    @Test
    void hashedIdsAreHexSha256OfSaltThenIdInUtf8() throws Exception {
        Path out = folder.resolve("campaign.csv");
        ExportResult result = export(ExportOptions.to(out).withHashSalt("pepper-ü"));

        List<List<String>> rows = Csv.read(out);
        assertEquals("customer_id_hash", result.columns().get(0));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < ids.size(); i++) {
            byte[] bytes = ("pepper-ü" + ids.get(i)).getBytes(StandardCharsets.UTF_8);
            assertEquals(HexFormat.of().formatHex(sha.digest(bytes)), rows.get(i + 1).get(0));
        }
        assertEquals(64, rows.get(1).get(0).length());
        assertThrows(IllegalArgumentException.class, () -> ExportOptions.to(out).withHashSalt(""));
    }

    @Test
    void holdoutFlagsExactlyTheRoundedShareAndTheSameCustomersForTheSameSeedInAnyOrder() throws IOException {
        Path out = folder.resolve("campaign.csv");
        ExportResult result = export(ExportOptions.to(out).withHoldout(0.1234, 11));
        List<List<String>> rows = Csv.read(out);
        assertEquals("holdout", rows.get(0).get(rows.get(0).size() - 1));
        Set<String> flagged = flaggedIds(rows);
        assertEquals(1234, flagged.size());
        assertEquals(1234, result.holdoutRows());

        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new Random(5));
        boolean[] again = HoldoutDraw.flags(shuffled, 0.1234, 11);
        Set<String> flaggedAgain = new HashSet<>();
        for (int i = 0; i < shuffled.size(); i++) {
            if (again[i]) {
                flaggedAgain.add(shuffled.get(i));
            }
        }
        assertEquals(flagged, flaggedAgain);
        boolean[] otherSeed = HoldoutDraw.flags(ids, 0.1234, 12);
        assertNotEquals(Arrays.toString(HoldoutDraw.flags(ids, 0.1234, 11)), Arrays.toString(otherSeed));
        assertEquals(0, HoldoutDraw.count(7, 0.05));
        assertEquals(1, HoldoutDraw.count(10, 0.05));
    }

    @Test
    void bomIsWrittenOnlyWhenAsked() throws IOException {
        Path with = folder.resolve("bom.csv");
        Path without = folder.resolve("plain.csv");
        export(ExportOptions.to(with).withExcelBom(true));
        export(ExportOptions.to(without));
        byte[] a = Files.readAllBytes(with);
        byte[] b = Files.readAllBytes(without);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(a, 3));
        assertArrayEquals(b, Arrays.copyOfRange(a, 3, a.length));
        assertEquals('c', b[0]);
    }

    @Test
    void cancellingMidWriteLeavesNoFileAndNoTemporaryFile() throws IOException {
        Path out = folder.resolve("campaign.csv");
        CancellationToken cancel = CancellationToken.create();
        long[] reportedRows = {0};
        Progress cancelAfter4096 = (done, total, message) -> {
            reportedRows[0] = Math.max(reportedRows[0], done);
            if (done >= 4096) {
                cancel.cancel();
            }
        };
        assertThrows(CancelledException.class, () -> CampaignExport.write(project,
                ExportSource.fromRun(project, "March"), ExportOptions.to(out).withColumns(List.of("monetary")),
                cancelAfter4096, cancel));
        assertEquals(4096, reportedRows[0]);
        assertFalse(Files.exists(out));
        assertEquals(List.of("p.mv.db"), filesIn(folder));

        Files.writeString(out, "old export\n");
        CancellationToken cancel2 = CancellationToken.create();
        assertThrows(CancelledException.class, () -> CampaignExport.write(project,
                ExportSource.fromRun(project, "March"), ExportOptions.to(out), (done, total, m) -> {
                    if (done >= 4096) {
                        cancel2.cancel();
                    }
                }, cancel2));
        assertEquals("old export\n", Files.readString(out));
        assertEquals(List.of("campaign.csv", "p.mv.db"), filesIn(folder));
    }

    @Test
    void anUnknownColumnNamesItAndLeavesTheOldFileIntact() throws IOException {
        Path out = folder.resolve("campaign.csv");
        Files.writeString(out, "old export\n");
        EngineException e = assertThrows(EngineException.class,
                () -> export(ExportOptions.to(out).withColumns(List.of("monetary", "lifetime_value"))));
        assertTrue(e.getMessage().contains("no column 'lifetime_value'") && e.getMessage().contains("monetary"),
                e.getMessage());
        assertEquals("old export\n", Files.readString(out));
        assertEquals(List.of("campaign.csv", "p.mv.db"), filesIn(folder));
    }

    @Test
    void aFailureMidWriteRemovesTheTemporaryFileAndKeepsTheOldOne() throws IOException {
        Path out = folder.resolve("campaign.csv");
        Files.writeString(out, "old export\n");
        Progress failsAt8192 = (done, total, message) -> {
            if (done >= 8192) {
                throw new IllegalStateException("listener failed at row " + done);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CampaignExport.write(project,
                ExportSource.fromRun(project, "March"), ExportOptions.to(out).withColumns(List.of("city")),
                failsAt8192, CancellationToken.create()));
        assertEquals("listener failed at row 8192", e.getMessage());
        assertEquals("old export\n", Files.readString(out));
        assertEquals(List.of("campaign.csv", "p.mv.db"), filesIn(folder));
    }

    @Test
    void anUnknownRunIsNamedWithWhatToDo() {
        EngineException e = assertThrows(EngineException.class, () -> ExportSource.fromRun(project, "April"));
        assertTrue(e.getMessage().contains("no segmentation run named 'April'")
                && e.getMessage().contains("pwb segment fit"), e.getMessage());
        ExportSource named = ExportSource.fromRun(project, "March", Map.of(0, "Loyal", 2, "=Lapsed"));
        assertEquals(labels[0] < 0 ? "noise" : labels[0] == 0 ? "Loyal" : labels[0] == 2 ? "=Lapsed" : "1",
                named.segmentLabels().get(0));
        assertEquals("noise", named.segmentLabels().get(50));
    }

    @Test
    void personaNamesRoundTripThroughThePersonaColumnAndOnePersonaExportsOnlyItsMembers() throws Exception {
        Path before = folder.resolve("before.csv");
        export(ExportOptions.to(before));
        assertTrue(Csv.read(before).stream().skip(1).allMatch(row -> row.get(2).isEmpty()),
                "no personas yet: the persona column is empty");
        List<Persona> personas = Personas.open(project, "March");
        Personas.save(project, personas.get(2).withName("=Lapsed, \"formula\" fans"));
        Map<Integer, String> names = Personas.names(project, "March");
        assertEquals(3, names.size());

        Path all = folder.resolve("all.csv");
        export(ExportOptions.to(all));

        List<List<String>> rows = Csv.read(all);
        assertEquals(List.of("customer_id", "segment", "persona"), rows.get(0));
        for (int i = 0; i < ids.size(); i++) {
            List<String> row = rows.get(i + 1);
            assertEquals(labels[i] < 0 ? "noise" : Integer.toString(labels[i]), row.get(1), "row " + i);
            assertEquals(labels[i] < 0 ? "" : names.get(labels[i]), Csv.unneutralised(row.get(2)), "row " + i);
        }
        assertTrue(rows.stream().anyMatch(row -> row.get(2).equals("'=Lapsed, \"formula\" fans")),
                "a persona name that looks like a formula is neutralised");

        Path one = folder.resolve("one.csv");
        ExportResult result = CampaignExport.write(project, ExportSource.fromPersona(project, "march", 2),
                ExportOptions.to(one).withColumns(List.of("monetary")), Progress.NONE, CancellationToken.create());

        List<List<String>> members = Csv.read(one);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (labels[i] == 2) {
                expected.add(ids.get(i));
            }
        }
        assertEquals(expected.size(), result.rows());
        assertEquals(expected, members.stream().skip(1).map(row -> Csv.unneutralised(row.get(0))).toList());
        assertTrue(members.stream().skip(1).allMatch(row -> Csv.unneutralised(row.get(1)).equals(names.get(2))
                && Csv.unneutralised(row.get(2)).equals(names.get(2))), "segment and persona hold the name");

        EngineException missing = assertThrows(EngineException.class,
                () -> ExportSource.fromPersona(project, "March", 7));
        assertEquals("The segmentation run 'March' has no segment 7. Its segments are [0, 1, 2].",
                missing.getMessage());
    }

    private static Set<String> flaggedIds(List<List<String>> rows) {
        Set<String> flagged = new HashSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String last = row.get(row.size() - 1);
            assertTrue(last.equals("true") || last.equals("false"), last);
            if (last.equals("true")) {
                flagged.add(Csv.unneutralised(row.get(0)));
            }
        }
        return flagged;
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
