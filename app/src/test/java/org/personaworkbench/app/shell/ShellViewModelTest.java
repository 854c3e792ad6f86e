package org.personaworkbench.app.shell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakeProject;
import org.personaworkbench.app.common.ImmediateTaskRunner;
import org.personaworkbench.engine.project.ProjectOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shell view model with the immediate task runner and fakes: no FX toolkit. */
class ShellViewModelTest {

    @TempDir
    Path dir;

    private Preferences node;
    private AppPreferences prefs;
    private FakeEngine engine;
    private FakeDialogService dialogs;
    private ImmediateTaskRunner tasks;
    private ShellViewModel vm;

    @BeforeEach
    void setUp() {
        node = Preferences.userRoot().node("org/personaworkbench/test/" + UUID.randomUUID());
        prefs = new AppPreferences(node);
        engine = new FakeEngine();
        dialogs = new FakeDialogService();
        tasks = new ImmediateTaskRunner();
        vm = new ShellViewModel(engine, tasks, dialogs, prefs);
    }

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
    }

    @Test
    void newProjectCreatesItInTheBackgroundOpensTheDataStepAndRemembersIt() {
        dialogs.newProjectFile = dir.resolve("retail");

        vm.newProject();

        assertNotNull(vm.project());
        assertEquals(dir.resolve("retail.mv.db"), vm.project().project().file());
        assertFalse(vm.project().project().encrypted());
        assertEquals(Step.DATA, vm.selectedStepProperty().get());
        assertEquals(dir.resolve("retail.mv.db").toAbsolutePath(), vm.recentProjects().getFirst().file());
        assertEquals(dir.resolve("retail.mv.db").toAbsolutePath(), prefs.recentProjects().getFirst());
        assertTrue(tasks.titles().getFirst().contains("retail"), tasks.titles().toString());
        assertTrue(vm.windowTitleProperty().get().startsWith("retail"));
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void newProjectWithAPasswordIsEncrypted() {
        dialogs.newProjectFile = dir.resolve("secret.mv.db");
        dialogs.newProjectPassword = "s3cret".toCharArray();

        vm.newProject();

        assertTrue(vm.project().project().encrypted());
        assertEquals("s3cret", engine.passwords.get(dir.resolve("secret.mv.db")));
    }

    @Test
    void cancellingTheFileChooserOrThePasswordDialogCreatesNothing() {
        vm.newProject();
        dialogs.newProjectFile = dir.resolve("x");
        dialogs.newProjectPassword = null;
        vm.newProject();

        assertNull(vm.project());
        assertTrue(engine.files.isEmpty());
        assertTrue(tasks.titles().isEmpty());
    }

    @Test
    void createFailureShowsTheEngineMessage() {
        engine.createProject(dir.resolve("taken"), ProjectOptions.plain());
        dialogs.newProjectFile = dir.resolve("taken");

        vm.newProject();

        assertNull(vm.project());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.getFirst().message().contains("exists already"));
    }

    @Test
    void openingAnEncryptedProjectAsksForThePasswordAndAgainAfterAWrongOne() {
        Path file = dir.resolve("locked.mv.db");
        engine.createProject(file, ProjectOptions.withPassword("right".toCharArray())).close();
        dialogs.passwords.add("wrong".toCharArray());
        dialogs.passwords.add("right".toCharArray());

        vm.open(file);

        assertEquals(java.util.List.of(false, true), dialogs.passwordQuestions);
        assertNotNull(vm.project());
        assertTrue(vm.project().project().encrypted());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void cancellingThePasswordDialogLeavesNoProjectOpen() {
        Path file = dir.resolve("locked.mv.db");
        engine.createProject(file, ProjectOptions.withPassword("right".toCharArray())).close();

        vm.open(file);

        assertEquals(1, dialogs.passwordQuestions.size());
        assertNull(vm.project());
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void openingAMissingFileShowsTheEngineMessageAndNoPasswordQuestion() {
        dialogs.projectToOpen = dir.resolve("gone.mv.db");

        vm.openProject();

        assertNull(vm.project());
        assertTrue(dialogs.passwordQuestions.isEmpty());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.getFirst().message().contains("does not exist"));
    }

    @Test
    void cancellingAnOpenReleasesTheFileAndKeepsTheWelcomeScreen() {
        Path file = dir.resolve("big.mv.db");
        FakeProject created = (FakeProject) engine.createProject(file, ProjectOptions.plain());
        created.close();
        tasks.cancelNext();

        vm.open(file);

        assertNull(vm.project());
        assertTrue(created.closed, "the project opened before the cancel was seen is closed again");
        assertTrue(dialogs.errors.isEmpty(), "a cancel is not an error");
        assertEquals("Opening was cancelled.", vm.statusMessageProperty().get());
    }

    @Test
    void recentProjectsAreMostRecentFirstAndMissingFilesAreMarked() throws Exception {
        Path a = Files.createFile(dir.resolve("a.mv.db"));
        Path b = dir.resolve("b.mv.db");
        prefs.addRecent(b);
        prefs.addRecent(a);

        vm.refreshRecent();

        assertEquals(2, vm.recentProjects().size());
        assertEquals(new RecentProject(a.toAbsolutePath(), true), vm.recentProjects().get(0));
        assertEquals(new RecentProject(b.toAbsolutePath(), false), vm.recentProjects().get(1));

        vm.removeRecent(b.toAbsolutePath());
        assertEquals(1, vm.recentProjects().size());
        assertEquals(java.util.List.of(a.toAbsolutePath()), prefs.recentProjects());
    }

    @Test
    void recentListKeepsTenAndMovesAReopenedProjectToTheTop() {
        for (int i = 0; i < 12; i++) {
            prefs.addRecent(dir.resolve("p" + i + ".mv.db"));
        }
        prefs.addRecent(dir.resolve("p5.mv.db"));

        assertEquals(AppPreferences.MAX_RECENT, prefs.recentProjects().size());
        assertEquals(dir.resolve("p5.mv.db").toAbsolutePath(), prefs.recentProjects().getFirst());
        assertEquals(dir.resolve("p11.mv.db").toAbsolutePath(), prefs.recentProjects().get(1));
    }

    @Test
    void closingTheProjectReleasesItAndReturnsToTheWelcomeScreen() {
        dialogs.newProjectFile = dir.resolve("retail");
        vm.newProject();
        FakeProject project = (FakeProject) vm.project().project();

        vm.closeProject();

        assertNull(vm.project());
        assertNull(vm.selectedStepProperty().get());
        assertTrue(project.closed);
    }

    @Test
    void windowStateAndThemeAreRemembered() {
        prefs.saveWindowState(new AppPreferences.WindowState(10, 20, 1100, 700, false));
        vm.darkThemeProperty().set(true);

        AppPreferences again = new AppPreferences(node);
        assertEquals(new AppPreferences.WindowState(10, 20, 1100, 700, false), again.windowState().orElseThrow());
        assertTrue(again.darkTheme());
    }
}
