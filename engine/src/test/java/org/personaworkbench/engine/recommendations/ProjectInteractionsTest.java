package org.personaworkbench.engine.recommendations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.CancellationToken;
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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectInteractionsTest {

    @TempDir
    Path folder;

    private static void write(Project project, String name, List<DatasetColumn> columns, List<Object[]> rows) {
        try (DatasetWriter writer = project.newDataset(name, columns)) {
            rows.forEach(writer::append);
            writer.commit(new ImportLogEntry(name, null, null, Instant.now(), rows.size(), 0, null));
        }
    }

    @Test
    void loadsPurchasesByRolesSumsQuantitiesSkipsReturnsAndBuildsTheCatalogue() {
        LocalDateTime t1 = LocalDateTime.of(2024, 3, 1, 9, 0);
        LocalDateTime t2 = LocalDateTime.of(2024, 3, 5, 12, 30);
        try (Project project = new ProjectService().create(folder.resolve("shop"), ProjectOptions.plain())) {
            write(project, "transactions", List.of(
                    new DatasetColumn("InvoiceNo", ColumnType.TEXT, ColumnRole.NONE),
                    new DatasetColumn("StockCode", ColumnType.TEXT, ColumnRole.ITEM_ID),
                    new DatasetColumn("Description", ColumnType.TEXT, ColumnRole.TEXT),
                    new DatasetColumn("Quantity", ColumnType.INTEGER, ColumnRole.QUANTITY),
                    new DatasetColumn("InvoiceDate", ColumnType.DATETIME, ColumnRole.TIMESTAMP),
                    new DatasetColumn("CustomerID", ColumnType.INTEGER, ColumnRole.CUSTOMER_ID)), List.of(
                    new Object[] {"1", "85123A", "", 6L, t1, 17850L},
                    new Object[] {"1", "71053", "WHITE METAL LANTERN", 2L, t1, 17850L},
                    new Object[] {"2", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 4L, t2, 17850L},
                    new Object[] {"C3", "71053", "WHITE METAL LANTERN", -2L, t2, 17850L},
                    new Object[] {"4", "71053", "WHITE METAL LANTERN", 1L, t2, 13047L},
                    new Object[] {"5", "22752", "SET 7 BABUSHKA NESTING BOXES", 3L, t2, null}));
            ProjectInteractions.Loaded loaded = ProjectInteractions.load(project, ProjectInteractions.Options.defaults(),
                    CancellationToken.create());
            Interactions m = loaded.interactions();
            assertEquals("transactions", loaded.dataset());
            assertNull(loaded.run());
            assertEquals(List.of("17850", "13047"), m.userIds());
            assertEquals(List.of("85123A", "71053"), m.itemIds());
            assertArrayEquals(new double[] {10, 2}, m.valuesOf(0), 0);
            assertArrayEquals(new long[] {t2.toEpochSecond(ZoneOffset.UTC), t1.toEpochSecond(ZoneOffset.UTC)},
                    m.timesOf(0));
            assertArrayEquals(new double[] {1}, m.valuesOf(1), 0);
            assertEquals("WHITE HANGING HEART T-LIGHT HOLDER", loaded.catalog().title("85123A"));
            assertEquals("SET 7 BABUSHKA NESTING BOXES", loaded.catalog().title("22752"));
            assertEquals(Map.of(), loaded.personaOfUser());
        }
    }

    /** Wine: 5 buyers in the evening on the web. Coffee: 3 buyers in the morning on mobile, 1 in the evening. */
    private Project cafe() {
        LocalDateTime morning = LocalDateTime.of(2024, 3, 1, 8, 15);
        LocalDateTime afternoon = LocalDateTime.of(2024, 3, 1, 14, 0);
        LocalDateTime evening = LocalDateTime.of(2024, 3, 1, 20, 30);
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int u = 0; u < 5; u++) {
            rows.add(new Object[] {"w" + u, "wine", 1L, evening, "Web"});
        }
        for (int u = 0; u < 3; u++) {
            rows.add(new Object[] {"c" + u, "coffee", 1L, morning, "Mobile"});
        }
        rows.add(new Object[] {"c3", "coffee", 1L, evening, "Web"});
        rows.add(new Object[] {"newcomer", "bread", 1L, afternoon, " "});
        Project project = new ProjectService().create(folder.resolve("cafe"), ProjectOptions.plain());
        write(project, "orders", List.of(
                new DatasetColumn("customer", ColumnType.TEXT, ColumnRole.CUSTOMER_ID),
                new DatasetColumn("product", ColumnType.TEXT, ColumnRole.ITEM_ID),
                new DatasetColumn("qty", ColumnType.INTEGER, ColumnRole.QUANTITY),
                new DatasetColumn("at", ColumnType.DATETIME, ColumnRole.TIMESTAMP),
                new DatasetColumn("Platform", ColumnType.TEXT, ColumnRole.NONE)), rows);
        return project;
    }

    @Test
    void sharesByTimeOfDayAndDeviceBoostItemsBoughtMostlyInThatContext() {
        try (Project project = cafe()) {
            ProjectInteractions.Loaded loaded = ProjectInteractions.load(project,
                    ProjectInteractions.Options.defaults(), CancellationToken.create());
            assertEquals(List.of("morning", "afternoon", "evening", "device:mobile", "device:web"), loaded.contexts());
            Map<String, Map<String, Double>> shares = loaded.contextShares();
            assertEquals(0.75, shares.get("morning").get("coffee"), 1e-12);
            assertEquals(0.3, shares.get("morning").get(ContextShares.OVERALL), 1e-12);
            assertEquals(1.0, shares.get("device:web").get("wine"), 1e-12);
            assertEquals(0.6, shares.get("device:web").get(ContextShares.OVERALL), 1e-12);

            Interactions all = loaded.interactions();
            Recommender model = Recommenders.fit(all, RecommenderOptions.defaults(Algorithm.POPULARITY)
                    .withContextShares(loaded.contextShares()), Progress.NONE, CancellationToken.create());
            int newcomer = all.userIndex("newcomer").orElseThrow();
            RecommendRequest plain = RecommendRequest.defaults();
            assertEquals(List.of("wine", "coffee"), Shop.ids(model.recommend(newcomer, 2, plain)));
            List<Recommendation> morning = model.recommend(newcomer, 2, plain.withContext("morning"));
            assertEquals(List.of("coffee", "wine"), Shop.ids(morning));
            // 4 buyers × the capped boost (lift 0.75 / 0.3 = 2.5; popularity adds a 1e-3 tie-break)
            assertEquals(4 * ContextShares.MAX_BOOST, morning.getFirst().score(), 0.01);
            assertEquals(List.of("coffee", "wine"), Shop.ids(model.recommend(newcomer, 2, plain.withContext("device:mobile"))));
            assertEquals(model.recommend(newcomer, 2, plain), model.recommend(newcomer, 2, plain.withContext("night")));
            assertEquals(model.recommend(newcomer, 2, plain),
                    model.recommend(newcomer, 2, plain.withContext("device:tablet")));
        }
    }

    @Test
    void rowsWithoutTimesOrDeviceGiveNoContexts() {
        try (Project project = new ProjectService().create(folder.resolve("bare"), ProjectOptions.plain())) {
            write(project, "orders", List.of(
                    new DatasetColumn("customer", ColumnType.TEXT, ColumnRole.CUSTOMER_ID),
                    new DatasetColumn("product", ColumnType.TEXT, ColumnRole.ITEM_ID)),
                    List.<Object[]>of(new Object[] {"a", "x"}, new Object[] {"b", "y"}));
            ProjectInteractions.Loaded loaded = ProjectInteractions.load(project,
                    ProjectInteractions.Options.defaults(), CancellationToken.create());
            assertEquals(Map.of(), loaded.contextShares());
            assertEquals(List.of(), loaded.contexts());
        }
    }

    @Test
    void aDatasetWithoutItemIdsIsExplained() {
        try (Project project = new ProjectService().create(folder.resolve("plain"), ProjectOptions.plain())) {
            write(project, "customers", List.of(new DatasetColumn("id", ColumnType.TEXT, ColumnRole.CUSTOMER_ID)),
                    List.<Object[]>of(new Object[] {"a"}));
            EngineException e = assertThrows(EngineException.class, () -> ProjectInteractions.load(project,
                    ProjectInteractions.Options.defaults(), CancellationToken.create()));
            assertTrue(e.getMessage().startsWith("No dataset of this project has both a customer id and an item id"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("--role StockCode=item_id"), e.getMessage());
        }
    }
}
