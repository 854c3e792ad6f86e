package org.personaworkbench.app.shell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.ImmediateTaskRunner;
import org.personaworkbench.app.common.RealEngine;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.samples.SampleProjects;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The welcome screen's sample projects in the shell view model: build on first open, reuse, rebuild, cancel. */
class SampleProjectsViewModelTest {

    private static final SampleProjects.Sample SHOP = new SampleProjects.Sample("demo-shop", "Demo shop", "A shop.");

    @TempDir
    Path dir;

    private Preferences node;
    private FakeEngine engine;
    private FakeDialogService dialogs;
    private ImmediateTaskRunner tasks;
    private ShellViewModel vm;

    @BeforeEach
    void setUp() {
        node = Preferences.userRoot().node("org/personaworkbench/test/" + UUID.randomUUID());
        engine = new FakeEngine();
        engine.samples = List.of(SHOP);
        dialogs = new FakeDialogService();
        tasks = new ImmediateTaskRunner();
        vm = new ShellViewModel(engine, tasks, dialogs, new AppPreferences(node), dir.resolve("samples"));
    }

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
    }

    @Test
    void openingAnUnbuiltSampleBuildsItIntoTheDataFolderAndOpensIt() {
        ShellViewModel.SampleEntry entry = vm.samples().getFirst();
        assertFalse(entry.built());
        assertEquals(dir.resolve("samples").resolve("demo-shop.mv.db"), entry.file());

        vm.openSample(entry);

        assertEquals(List.of("demo-shop"), engine.sampleBuilds);
        assertEquals(entry.file(), vm.project().project().file());
        assertEquals(Step.DATA, vm.selectedStepProperty().get());
        assertTrue(vm.samples().getFirst().built());
        assertTrue(tasks.titles().getFirst().contains("Demo shop"), tasks.titles().toString());
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void openingABuiltSampleReusesItAndRebuildAsksFirst() {
        vm.openSample(vm.samples().getFirst());
        vm.closeProject();

        vm.openSample(vm.samples().getFirst());
        assertEquals(1, engine.sampleBuilds.size(), "the built file is reused");
        assertNotNull(vm.project());
        vm.closeProject();

        dialogs.confirmAnswer = false;
        vm.rebuildSample(vm.samples().getFirst());
        assertEquals(1, engine.sampleBuilds.size(), "declined: nothing rebuilt");
        assertNull(vm.project());

        dialogs.confirmAnswer = true;
        vm.rebuildSample(vm.samples().getFirst());
        assertEquals(2, engine.sampleBuilds.size());
        assertEquals(2, dialogs.confirmations.size());
        assertNotNull(vm.project());
    }

    @Test
    void rebuildingTheOpenSampleIsRefusedWithAMessage() {
        vm.openSample(vm.samples().getFirst());

        vm.rebuildSample(vm.samples().getFirst());

        assertEquals(1, engine.sampleBuilds.size());
        assertTrue(vm.statusMessageProperty().get().contains("close it"), vm.statusMessageProperty().get());
    }

    @Test
    void cancellingTheBuildLeavesNoFileAndSaysSo() {
        tasks.cancelNext();

        vm.openSample(vm.samples().getFirst());

        assertNull(vm.project());
        assertFalse(Files.exists(vm.samples().getFirst().file()));
        assertFalse(vm.samples().getFirst().built());
        assertTrue(vm.statusMessageProperty().get().contains("cancelled"), vm.statusMessageProperty().get());
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void theRealEngineBuildsTheDemoShopAndTheShellOpensIt() {
        vm = new ShellViewModel(new RealEngine(), tasks, dialogs, new AppPreferences(node), dir.resolve("real"));
        assertEquals(List.of("online-retail", "demo-shop"),
                vm.samples().stream().map(e -> e.sample().name()).toList());

        vm.openSample(vm.samples().get(1));

        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals(dir.resolve("real").resolve("demo-shop.mv.db"), vm.project().project().file());
        assertEquals(List.of("ab_test", "customers", "items", "rfm", "transactions", "web_events"),
                vm.project().datasets().stream().map(DatasetInfo::name).sorted().toList());
        assertTrue(vm.samples().get(1).built());
        vm.closeProject();
    }
}
