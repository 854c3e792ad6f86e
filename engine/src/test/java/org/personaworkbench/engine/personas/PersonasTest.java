package org.personaworkbench.engine.personas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonasTest {

    @TempDir
    Path folder;

    private final ProjectService service = new ProjectService();

    @Test
    void openDraftsPersonasWithFiguresFromTheDataAndSavesThem() {
        PlantedShop shop = new PlantedShop(100, false, 21);
        try (Project project = service.create(folder.resolve("shop"), ProjectOptions.plain())) {
            shop.saveTo(project, "March");
            assertEquals(Map.of(), Personas.names(project, "march"), "nothing saved before the first open");

            List<Persona> personas = Personas.open(project, "MARCH");

            assertEquals(List.of("Loyal high spenders", "Lapsed bargain hunters", "New first-time buyers",
                    "Frequent small-basket buyers"), personas.stream().map(Persona::name).toList());
            assertEquals(Map.of(0, "Loyal high spenders", 1, "Lapsed bargain hunters", 2, "New first-time buyers",
                    3, "Frequent small-basket buyers"), Personas.names(project, "march"));
            Persona loyal = personas.getFirst();
            assertEquals("March", loyal.run());
            assertEquals(ActionableGoal.RETAIN, loyal.goal());
            assertEquals("#4e79a7", loyal.color());
            assertEquals("#e15759", personas.get(2).color());
            PersonaFigures f = loyal.figures();
            assertEquals(100, f.size());
            assertEquals(0.25, f.customerShare(), 1e-12);
            double revenue = 0;
            double loyalRevenue = 0;
            double aov = 0;
            double orders = 0;
            for (int i = 0; i < shop.ids.size(); i++) {
                revenue += shop.column(i, "monetary");
                if (shop.labels[i] == 0) {
                    loyalRevenue += shop.column(i, "monetary");
                    aov += shop.column(i, "average_order_value") / 100;
                    orders += shop.column(i, "frequency") / 100;
                }
            }
            assertEquals(loyalRevenue / revenue, f.revenueShare(), 1e-9);
            assertEquals(aov, f.averageOrderValue(), 1e-9);
            assertEquals(orders, f.ordersPerCustomer(), 1e-9);
            assertTrue(f.recencyDays() >= 5 && f.recencyDays() < 40, "median recency " + f.recencyDays());
            assertEquals(List.of("Home Decor", "Kitchen"), f.topCategories(), "real category names from the recipe");
            assertEquals(List.of("Kitchen", "Home Decor"), personas.get(3).figures().topCategories());
            assertTrue(loyal.summary().startsWith("100 customers (25% of customers, "), loyal.summary());
            assertTrue(loyal.summary().contains("× more orders than others; last bought "), loyal.summary());
            assertTrue(!loyal.traits().isEmpty() && !loyal.description().isBlank() && !loyal.quote().isBlank());
            assertEquals(3, loyal.contentMap().size());
            assertEquals(personas, Personas.open(project, "march"), "opened again: the saved personas, not new drafts");
        }
    }

    @Test
    void editsSurviveClosingAndReopeningTheProject() {
        Path file = folder.resolve("edits");
        Persona saved;
        try (Project project = service.create(file, ProjectOptions.plain())) {
            new PlantedShop(40, false, 22).saveTo(project, "March");
            Persona lapsed = Personas.open(project, "March").get(1);
            Instant before = lapsed.updatedAt();
            saved = Personas.save(project, lapsed.withName("Sleeping bargain hunters").withQuote("Is it on sale?")
                    .withGoal(ActionableGoal.UPSELL).withNote(new StickyNote("Try a winter sale",
                            Instant.parse("2026-11-23T10:00:00Z"))));
            assertTrue(!saved.updatedAt().isBefore(before));
        }
        try (Project project = service.open(file, ProjectOptions.plain())) {
            List<Persona> personas = Personas.open(project, "march");
            assertEquals(saved, personas.get(1));
            assertEquals("Sleeping bargain hunters", Personas.names(project, "March").get(1));
            assertEquals(List.of(new StickyNote("Try a winter sale", Instant.parse("2026-11-23T10:00:00Z"))),
                    personas.get(1).notes());
            Persona cleared = Personas.save(project, personas.get(0).withName(""));
            assertEquals(cleared, Personas.open(project, "March").getFirst(),
                    "a name cleared while typing is kept, not replaced by a new draft");
            project.deleteSegmentationRun("March");
            assertEquals(Map.of(), Personas.names(project, "March"));
        }
    }

    @Test
    void exportedJsonImportsIntoAnotherProjectWithTextKeptAndFiguresRecomputed() {
        String json;
        try (Project first = service.create(folder.resolve("first"), ProjectOptions.plain())) {
            new PlantedShop(100, false, 23).saveTo(first, "March");
            List<Persona> personas = Personas.open(first, "March");
            Persona renamed = Personas.save(first, personas.get(0).withName("Gold club").withDescription("Our best.")
                    .withColor("#123456").withContentMap(List.of(new ContentRow("Gala", "Thanks", "Event"))));
            json = PersonaExports.json(List.of(renamed, personas.get(2)));
        }
        assertTrue(json.contains("\"format\" : \"persona-workbench/personas\""), json);
        try (Project second = service.create(folder.resolve("second"), ProjectOptions.plain())) {
            new PlantedShop(30, false, 24).saveTo(second, "April");

            List<Persona> imported = Personas.importJson(second, "april", json);

            assertEquals(List.of(0, 2), imported.stream().map(Persona::segment).toList());
            Persona gold = Personas.open(second, "April").getFirst();
            assertEquals("Gold club", gold.name());
            assertEquals("Our best.", gold.description());
            assertEquals("#123456", gold.color());
            assertEquals(List.of(new ContentRow("Gala", "Thanks", "Event")), gold.contentMap());
            assertEquals("April", gold.run());
            assertEquals(30, gold.figures().size(), "figures recomputed from this project's data");
            assertTrue(gold.summary().startsWith("30 customers"), gold.summary());
            assertEquals("Lapsed bargain hunters", Personas.open(second, "April").get(1).name(), "not in the file");
        }
    }

    @Test
    void importRejectsJsonThatIsNotAPersonasExportSayingWhere() {
        try (Project project = service.create(folder.resolve("bad"), ProjectOptions.plain())) {
            new PlantedShop(20, false, 25).saveTo(project, "March");

            EngineException other = assertThrows(EngineException.class,
                    () -> Personas.importJson(project, "March", "{\n  \"format\": \"something/else\",\n  \"x\": 1\n}"));
            assertEquals("The personas file is not a personas export: expected \"format\": "
                    + "\"persona-workbench/personas\", found \"something/else\" (line 2, column 13).", other.getMessage());

            EngineException broken = assertThrows(EngineException.class,
                    () -> Personas.importJson(project, "March", "{\"format\": \"persona-workbench/personas\",\n"
                            + "\"version\": 1, \"personas\": [ {\"segment\": 0, \"name\": }]}"));
            assertTrue(broken.getMessage().startsWith("The personas file is not valid JSON: "), broken.getMessage());
            assertTrue(broken.getMessage().endsWith("(line 2, column 52)."), broken.getMessage());

            EngineException missing = assertThrows(EngineException.class, () -> Personas.importJson(project,
                    "March", "{\"format\": \"persona-workbench/personas\", \"version\": 1, \"personas\": "
                            + "[{\"segment\": 7, \"name\": \"Ghosts\"}]}"));
            assertTrue(missing.getMessage().contains("segment 7") && missing.getMessage().contains("[0, 1, 2, 3]"),
                    missing.getMessage());
            assertEquals("Loyal high spenders", Personas.names(project, "March").get(0), "nothing was changed");

            EngineException noRun = assertThrows(EngineException.class, () -> Personas.open(project, "April"));
            assertTrue(noRun.getMessage().contains("no segmentation run named 'April'"), noRun.getMessage());
        }
    }

    @Test
    void jsonRoundTripsEveryFieldAndWritesNaNFiguresAsNull() {
        Persona p = new Persona("run", 3, "Ünïcødé Ωmega", "s", "d", "g", "pp", "c", "q", ActionableGoal.CROSS_SELL,
                "#abcdef", new PersonaFigures(12, 0.5, Double.NaN, 3.5, Double.NaN, 2, List.of("A", "B")),
                List.of("t1", "t2"), List.of(new ContentRow("a", "b", "c")),
                List.of(new StickyNote("n", Instant.parse("2026-01-01T00:00:00Z"))),
                Instant.parse("2026-02-01T00:00:00Z"));

        String json = PersonaExports.json(List.of(p));

        assertTrue(json.contains("\"revenue_share\" : null") && json.contains("\"goal\" : \"cross_sell\"")
                && json.contains("\"goal_label\" : \"Cross-sell\"") && json.contains("\"initials\" : \"ÜΩ\"")
                && json.contains("\"pain_points\" : \"pp\""), json);
        List<Persona> back = PersonaJson.readExport(json);
        assertEquals(1, back.size());
        Persona q = back.getFirst();
        assertEquals(p.figures().size(), q.figures().size());
        assertTrue(Double.isNaN(q.figures().revenueShare()) && Double.isNaN(q.figures().recencyDays()));
        assertEquals(p.withFigures(q.figures()), q);
        assertNotEquals(p, q.withName("other"));
    }
}
