package org.personaworkbench.app.shell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.ImmediateTaskRunner;
import org.personaworkbench.app.common.RealEngine;
import org.personaworkbench.app.data.DataViewModel;
import org.personaworkbench.engine.profile.ColumnProfile;
import org.personaworkbench.engine.project.ProjectOptions;

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

/** The view models on the real engine (immediate runner, no FX toolkit): what the fakes stand for holds. */
class RealEngineFlowTest {

    @TempDir
    Path dir;

    private Preferences node;
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    private final RealEngine engine = new RealEngine();
    private ShellViewModel shell;
    private DataViewModel data;

    @BeforeEach
    void setUp() {
        node = Preferences.userRoot().node("org/personaworkbench/test/" + UUID.randomUUID());
        shell = new ShellViewModel(engine, tasks, dialogs, new AppPreferences(node));
        data = new DataViewModel(engine, tasks, dialogs, shell.projectProperty());
    }

    @AfterEach
    void tearDown() throws Exception {
        shell.shutdown().get();
        node.removeNode();
    }

    @Test
    void anEncryptedProjectAsksForItsPasswordUntilTheRightOneIsGiven() {
        Path file = dir.resolve("secret.mv.db");
        engine.createProject(file, ProjectOptions.withPassword("correct horse".toCharArray())).close();
        assertTrue(engine.isEncrypted(file));
        dialogs.passwords.add("wrong".toCharArray());
        dialogs.passwords.add("correct horse".toCharArray());

        shell.open(file);

        assertEquals(List.of(false, true), dialogs.passwordQuestions);
        assertNotNull(shell.project());
        assertTrue(shell.project().project().encrypted());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aFileThatIsNotAProjectIsRefusedWithTheEngineMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.mv.db"), "hello");

        shell.open(file);

        assertNull(shell.project());
        assertTrue(dialogs.passwordQuestions.isEmpty());
        assertEquals(1, dialogs.errors.size());
        assertFalse(dialogs.errors.getFirst().message().isBlank());
    }

    @Test
    void importThenProfileOnTheRealEngine() throws Exception {
        Path csv = Files.writeString(dir.resolve("orders.csv"), "customer_id,amount\nc1,1.5\nc2,2.5\nc3,5\n");
        dialogs.newProjectFile = dir.resolve("p");
        dialogs.fileToImport = csv;
        shell.newProject();

        data.startImport().orElseThrow().accept();

        assertEquals(1, data.datasets().size());
        assertEquals(3, data.datasets().getFirst().rows());
        ColumnProfile amount = data.profileProperty().get().columns().stream()
                .filter(c -> c.name().equals("amount")).findFirst().orElseThrow();
        assertEquals(3.0, amount.mean(), 1e-9);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        shell.closeProject();
        shell.open(dir.resolve("p.mv.db"));
        assertEquals(1, data.datasets().size(), "the dataset is still there after reopening");
    }
}
