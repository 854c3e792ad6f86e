package org.personaworkbench.app.shell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.ImmediateTaskRunner;
import org.personaworkbench.engine.samples.SampleProjects;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Preferences (seed, number format, theme) and the guided tour in the shell view model, over a throw-away node. */
class FirstRunViewModelTest {

    private static final SampleProjects.Sample SHOP = new SampleProjects.Sample("demo-shop", "Demo shop", "A shop.");

    @TempDir
    Path dir;

    private Preferences node;
    private FakeEngine engine;
    private ImmediateTaskRunner tasks;
    private ShellViewModel vm;

    @BeforeEach
    void setUp() {
        node = Preferences.userRoot().node("org/personaworkbench/test/" + UUID.randomUUID());
        engine = new FakeEngine();
        engine.samples = List.of(SHOP);
        tasks = new ImmediateTaskRunner();
        vm = newShell();
    }

    private ShellViewModel newShell() {
        return new ShellViewModel(engine, tasks, new FakeDialogService(), new AppPreferences(node), dir.resolve("samples"));
    }

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
    }

    @Test
    void preferencesStartAtTheirDefaultsAndAreRememberedByTheNextShell() {
        assertEquals(AppPreferences.DEFAULT_SEED, vm.defaultSeedProperty().get());
        assertEquals(NumberLocale.SYSTEM, vm.numberLocaleProperty().get());
        assertFalse(vm.darkThemeProperty().get());

        vm.defaultSeedProperty().set(2024);
        vm.numberLocaleProperty().set(NumberLocale.GERMAN);
        vm.darkThemeProperty().set(true);

        assertEquals(2024, node.getLong("seed.default", -1));
        assertEquals("de-DE", node.get("format.locale", null));
        ShellViewModel next = newShell();
        assertEquals(2024, next.defaultSeedProperty().get());
        assertEquals(NumberLocale.GERMAN, next.numberLocaleProperty().get());
        assertTrue(next.darkThemeProperty().get());
    }

    @Test
    void numberLocalesMapToTheirLocalesAndUnknownTagsFallBackToTheSystem() {
        Locale system = Locale.JAPAN;
        assertEquals(system, NumberLocale.SYSTEM.locale(system));
        assertEquals(Locale.forLanguageTag("de-DE"), NumberLocale.GERMAN.locale(system));
        assertEquals(Locale.forLanguageTag("fr-FR"), NumberLocale.FRENCH.locale(system));
        assertEquals(NumberLocale.SYSTEM, NumberLocale.fromTag("xx-YY"));
        assertEquals(NumberLocale.ENGLISH_US, NumberLocale.fromTag("en-US"));
    }

    @Test
    void openingASampleStartsTheTourWhichVisitsEveryAvailableStepInOrder() {
        vm.openSample(vm.samples().getFirst());

        GuidedTourViewModel tour = vm.tour();
        List<Step> expected = java.util.Arrays.stream(Step.values()).filter(Step::available).toList();
        assertEquals(expected, tour.steps());
        List<Step> seen = new java.util.ArrayList<>();
        while (tour.running()) {
            seen.add(tour.current());
            assertEquals(tour.current(), vm.selectedStepProperty().get(), "the tour shows the step it explains");
            assertFalse(tour.text().isBlank());
            assertTrue(tour.position().startsWith("Step " + seen.size() + " of " + expected.size()), tour.position());
            assertEquals(seen.size() == expected.size(), tour.lastStep());
            tour.next();
        }
        assertEquals(expected, seen);
        assertTrue(new AppPreferences(node).tourDismissed(), "finishing is remembered");
    }

    @Test
    void aSkippedTourIsNotShownAgainButCanBeReplayed() {
        vm.openSample(vm.samples().getFirst());
        assertEquals(Step.DATA, vm.tour().current());

        vm.tour().dismiss();
        assertNull(vm.tour().current());
        vm.closeProject();
        vm.openSample(vm.samples().getFirst());
        assertFalse(vm.tour().running(), "dismissed: not shown on its own again");

        vm.tour().start(); // Help → Show guided tour
        assertEquals(Step.DATA, vm.tour().current());
        vm.closeProject();
        assertFalse(vm.tour().running(), "closing the project ends the tour");
    }

    @Test
    void openingAnOrdinaryProjectDoesNotStartTheTour() throws Exception {
        Path plain = dir.resolve("plain.mv.db");
        engine.createProject(plain, org.personaworkbench.engine.project.ProjectOptions.plain());
        vm.open(plain);

        assertTrue(vm.project() != null);
        assertFalse(vm.tour().running());
        assertFalse(new AppPreferences(node).tourDismissed());
    }
}
