package org.personaworkbench.app.personas;

import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.app.common.BackgroundTask;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakePersonas;
import org.personaworkbench.app.common.FakeProject;
import org.personaworkbench.app.common.ImmediateTaskRunner;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.app.common.TaskRunner;
import org.personaworkbench.app.common.Work;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.personas.ActionableGoal;
import org.personaworkbench.engine.personas.ContentRow;
import org.personaworkbench.engine.personas.Persona;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Personas step's view model on the fake engine, with work run at once (no FX toolkit). */
class PersonasViewModelTest {

    private static final Path FILE = Path.of("/tmp/personas-vm.mv.db");
    private static final Instant NOW = Instant.parse("2026-11-23T20:15:00Z");

    @TempDir
    Path dir;

    private final FakeEngine engine = new FakeEngine();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    private final SimpleObjectProperty<OpenProject> open = new SimpleObjectProperty<>();
    private FakeProject project;
    private PersonasViewModel vm;

    @BeforeEach
    void setUp() {
        FakePersonas.install(engine);
        project = FakeProject.withRfm(FILE, "rfm", FakePersonas.CUSTOMERS);
        vm = new PersonasViewModel(engine, tasks, dialogs, open, Clock.fixed(NOW, ZoneOffset.UTC));
        open.set(new OpenProject(project, List.of()));
    }

    private Persona stored(int segment) {
        return engine.personaStore.get(FILE).get(FakePersonas.RUN).get(segment);
    }

    @Test
    void openingTheStepShowsTheNewestRunsPersonasAndSelectsTheFirst() {
        assertEquals(FakePersonas.RUN, vm.selectedRunProperty().get().name());
        assertEquals(List.of("Champion wholesalers", "Loyal regulars", "New promising buyers", "Lapsed one-timers"),
                vm.personas().stream().map(Persona::name).toList());
        assertEquals(0, vm.selectedProperty().get().segment());
        assertTrue(vm.loadedProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals(SaveStatus.IDLE, vm.saveStatusProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aRenameShowsAtOnceAndIsSavedInTheProject() {
        vm.rename(1, "  Monthly regulars ");

        assertEquals("Monthly regulars", vm.personas().get(1).name(), "trimmed and shown");
        assertEquals("Monthly regulars", stored(1).name());
        assertEquals(1, engine.personaSaves.size());
        assertEquals(SaveStatus.SAVED, vm.saveStatusProperty().get());
        assertEquals("rename to “Monthly regulars”", vm.history().undoDescriptionProperty().get());

        // another view model on the same project file sees the saved name
        PersonasViewModel again = new PersonasViewModel(engine, new ImmediateTaskRunner(), dialogs,
                new SimpleObjectProperty<>(new OpenProject(project, List.of())));
        assertEquals("Monthly regulars", again.personas().get(1).name());
    }

    @Test
    void savesDoneCompletesOnlyAfterTheQueuedSaveHasRun() {
        assertTrue(vm.savesDone().isDone(), "nothing queued");
        boolean[] doneDuringSave = {true};
        engine.beforePersonaSave = () -> doneDuringSave[0] = vm.savesDone().isDone();

        vm.rename(1, "Monthly regulars");

        assertFalse(doneDuringSave[0], "a project closing now must wait for this save");
        assertTrue(vm.savesDone().isDone());
        assertEquals("Monthly regulars", stored(1).name());
    }

    @Test
    void anUnchangedValueIsNeitherAnEditNorASave() {
        vm.rename(0, "Champion wholesalers");
        vm.editSummary(0, vm.personas().getFirst().summary());

        assertTrue(engine.personaSaves.isEmpty());
        assertFalse(vm.history().canUndoProperty().get());
    }

    @Test
    void anEmptyNameIsRefusedWithAMessage() {
        vm.rename(0, "   ");

        assertEquals("Champion wholesalers", vm.personas().getFirst().name());
        assertTrue(engine.personaSaves.isEmpty());
        assertEquals(1, dialogs.errors.size());
        assertEquals("A persona needs a name.", dialogs.errors.getFirst().message());
    }

    @Test
    void undoAndRedoRestoreTheValuesAndSaveThem() {
        vm.rename(2, "Fresh faces");
        vm.editSummary(2, "Two orders in two months.");
        vm.changeGoal(2, ActionableGoal.CROSS_SELL);

        vm.undo();
        assertEquals(ActionableGoal.ONBOARD, stored(2).goal());
        assertEquals("Two orders in two months.", stored(2).summary());
        vm.undo();
        assertEquals("Joined in the last two months and bought twice.", stored(2).summary());
        assertEquals("Fresh faces", stored(2).name(), "the older rename stays");
        assertEquals("summary of Fresh faces", vm.history().redoDescriptionProperty().get());
        assertEquals("rename to “Fresh faces”", vm.history().undoDescriptionProperty().get());
        vm.undo();
        assertEquals("New promising buyers", stored(2).name());
        assertEquals("New promising buyers", vm.personas().get(2).name());
        assertFalse(vm.history().canUndoProperty().get());

        vm.redo();
        vm.redo();
        assertEquals("Fresh faces", stored(2).name());
        assertEquals("Two orders in two months.", stored(2).summary());
        assertEquals(ActionableGoal.ONBOARD, stored(2).goal());
        assertEquals(8, engine.personaSaves.size(), "three edits, three undos and two redos: each one saved");
    }

    @Test
    void aNewEditAfterAnUndoClearsWhatCouldBeRedone() {
        vm.editQuote(3, "Remind me why I liked you.");
        vm.undo();
        assertTrue(vm.history().canRedoProperty().get());

        vm.changeColor(3, "#AA3300");

        assertFalse(vm.history().canRedoProperty().get());
        assertEquals("#aa3300", stored(3).color());
        assertEquals("", stored(3).quote());
    }

    @Test
    void savesRunOneAtATimeInTheOrderOfTheEdits() {
        DeferredTaskRunner deferred = new DeferredTaskRunner();
        PersonasViewModel slow = new PersonasViewModel(engine, deferred, dialogs,
                new SimpleObjectProperty<>(new OpenProject(project, List.of())));
        deferred.runAll(); // runs and personas
        assertEquals(4, slow.personas().size());

        slow.rename(0, "A");
        slow.rename(0, "B");
        slow.editQuote(1, "C");
        assertEquals(1, deferred.queued(), "only the first save is started; the others wait in the queue");
        assertEquals(SaveStatus.SAVING, slow.saveStatusProperty().get());
        assertTrue(slow.saving());

        deferred.runNext();
        assertEquals(1, deferred.queued(), "the second save starts once the first has finished");
        assertEquals("A", stored(0).name());
        deferred.runAll();

        assertEquals(List.of("A", "B", "Loyal regulars"), engine.personaSaves.stream().map(Persona::name).toList());
        assertEquals("B", stored(0).name());
        assertEquals("C", stored(1).quote());
        assertEquals(SaveStatus.SAVED, slow.saveStatusProperty().get());
        assertFalse(slow.saving());
    }

    @Test
    void aFailedSaveSaysSoAndTheNextEditSavesTheWholePersonaAgain() {
        engine.personaSaveFailure = new EngineException("The disk is full.");

        vm.rename(0, "Bulk buyers");

        assertEquals(SaveStatus.FAILED, vm.saveStatusProperty().get());
        assertEquals(1, dialogs.errors.size());
        assertEquals("Could not save Bulk buyers", dialogs.errors.getFirst().title());
        assertEquals("The disk is full.", dialogs.errors.getFirst().message());
        assertEquals("Champion wholesalers", stored(0).name());

        vm.editQuote(0, "More stock, please.");

        assertEquals(SaveStatus.SAVED, vm.saveStatusProperty().get());
        assertEquals("Bulk buyers", stored(0).name());
        assertEquals("More stock, please.", stored(0).quote());
    }

    @Test
    void contentRowsAreAddedEditedInPlaceAndRemovedUndoably() {
        vm.addContentRow(3);
        assertEquals(List.of(new ContentRow("", "", "")), stored(3).contentMap());
        vm.editContentRow(3, 0, new ContentRow("Win-back coupon", "10% off their old favourites", "Email"));
        vm.addContentRow(3);
        vm.removeContentRow(3, 1);

        assertEquals(List.of(new ContentRow("Win-back coupon", "10% off their old favourites", "Email")),
                stored(3).contentMap());
        vm.undo();
        assertEquals(2, stored(3).contentMap().size());
        vm.undo();
        vm.undo();
        assertEquals(List.of(new ContentRow("", "", "")), stored(3).contentMap());
    }

    @Test
    void stickyNotesAreStampedSavedAndUndoable() {
        vm.addNote(1, "Ask about their office parties");
        vm.addNote(1, "   ");

        Persona p = stored(1);
        assertEquals(1, p.notes().size());
        assertEquals("Ask about their office parties", p.notes().getFirst().text());
        assertEquals(NOW, p.notes().getFirst().createdAt());
        assertEquals("note “Ask about their office parties”", vm.history().undoDescriptionProperty().get());

        vm.removeNote(1, 0);
        assertTrue(stored(1).notes().isEmpty());
        vm.undo();
        assertEquals(1, stored(1).notes().size());
        vm.undo();
        assertTrue(stored(1).notes().isEmpty());
    }

    @Test
    void theTraitTableIsTheSegmentsFeaturesByAbsoluteEffectSize() {
        vm.select(3);

        List<TraitRow> rows = vm.traits();
        assertEquals(5, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(Math.abs(rows.get(i - 1).effectSize()) >= Math.abs(rows.get(i).effectSize()));
        }
        TraitRow recency = rows.stream().filter(r -> r.feature().equals("recency_days")).findFirst().orElseThrow();
        // others' mean of recency: (412×9 + 1143×31 + 1521×42) / 3076
        assertEquals((412 * 9 + 1143 * 31 + 1521 * 42) / 3076.0, recency.othersMean(), 1e-9);
        assertEquals(241 / recency.othersMean(), recency.lift(), 1e-9);
        assertTrue(recency.significant());
        assertEquals(recency.q() < 0.05, recency.significant());
    }

    @Test
    void theComparisonNeedsTwoCheckedPersonasAndFollowsEdits() {
        vm.setChecked(0, true);
        assertNull(vm.comparisonProperty().get());

        vm.setChecked(3, true);
        PersonaComparison c = vm.comparisonProperty().get();
        assertNotNull(c);
        assertEquals(List.of(0, 3), c.personas().stream().map(Persona::segment).toList());
        PersonaComparison.Row aov = c.rows().stream().filter(r -> r.label().equals("Avg order value"))
                .findFirst().orElseThrow();
        assertEquals(List.of("489.50", "—"), aov.values(), "NaN shows as a dash");
        assertTrue(c.rows().stream().anyMatch(r -> r.label().equals("Mean recency_days")
                && r.values().equals(List.of("9", "241"))));

        vm.rename(3, "Gone quiet");
        assertEquals("Gone quiet", vm.comparisonProperty().get().personas().get(1).name());
    }

    @Test
    void nextAndPreviousWrapAroundThePersonas() {
        vm.selectPrevious();
        assertEquals(3, vm.selectedProperty().get().segment());
        vm.selectNext();
        vm.selectNext();
        assertEquals(1, vm.selectedProperty().get().segment());
        assertEquals(5, vm.traits().size());
    }

    @Test
    void exportsWriteTheChosenFilesInTheBackground() throws Exception {
        dialogs.exportFile = dir.resolve("card.png");
        vm.exportCardPng();
        dialogs.exportFile = dir.resolve("card.pdf");
        vm.exportCardPdf();
        dialogs.exportFile = dir.resolve("deck.pdf");
        vm.exportDeck();
        dialogs.exportFile = dir.resolve("personas.json");
        vm.exportJson();

        assertEquals(List.of("champion-wholesalers.png", "champion-wholesalers.pdf", "rfm-k4-personas.pdf",
                "rfm-k4-personas.json"), dialogs.exportQuestions);
        assertEquals(List.of("png card.png", "pdf card.pdf", "deck deck.pdf", "json personas.json"),
                engine.personaExports);
        assertEquals("Wrote " + dir.resolve("personas.json") + ".", vm.messageProperty().get());
        assertEquals("Personas of rfm-k4: 4", Files.readString(dir.resolve("deck.pdf")));
    }

    @Test
    void aCancelledChooserExportsNothing() {
        dialogs.exportFile = null;
        vm.exportDeck();
        assertTrue(engine.personaExports.isEmpty());
        assertTrue(tasks.titles().stream().noneMatch(t -> t.startsWith("Writing")));
    }

    @Test
    void importReplacesTheTextsAndABadFileSaysWhy() throws Exception {
        vm.rename(0, "Edited before import");
        dialogs.fileToRead = Files.writeString(dir.resolve("in.json"), "0\tImported champions\n3\tImported lapsed\n");

        vm.importJson();

        assertEquals("Imported champions", vm.personas().getFirst().name());
        assertEquals("Imported lapsed", vm.personas().get(3).name());
        assertFalse(vm.history().canUndoProperty().get(), "an import starts a new history");
        assertEquals("Imported 4 personas from in.json.", vm.messageProperty().get());

        dialogs.fileToRead = Files.writeString(dir.resolve("bad.json"), "{ nope");
        vm.importJson();
        assertEquals("Could not import the personas", dialogs.errors.getLast().title());
        assertEquals("This is not a personas export: line 1, column 1.", dialogs.errors.getLast().message());
    }

    @Test
    void closingTheProjectClearsTheStep() {
        open.set(null);

        assertTrue(vm.personas().isEmpty());
        assertTrue(vm.runs().isEmpty());
        assertNull(vm.selectedProperty().get());
        assertFalse(vm.loadedProperty().get());
    }

    @Test
    void textTypedButNotCommittedIsSavedIntoTheProjectBeingClosed() {
        vm.beforeProjectChange(() -> vm.rename(0, "Typed before closing"));

        open.set(null);

        assertEquals("Typed before closing", stored(0).name());
        assertTrue(vm.personas().isEmpty());
    }

    @Test
    void fileNamesComeFromNames() {
        assertEquals("loyal-high-spenders", PersonasViewModel.fileName("Loyal high spenders!"));
        assertEquals("persona", PersonasViewModel.fileName("***"));
    }

    /** Holds work until the test runs it, one piece at a time, oldest first (on the test thread). */
    private static final class DeferredTaskRunner implements TaskRunner {
        private final ObservableList<BackgroundTask> running = FXCollections.observableArrayList();
        private final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public <T> BackgroundTask run(String title, Work<T> work, Consumer<? super T> onSuccess,
                                      Consumer<? super Throwable> onFailure) {
            CancellationToken token = CancellationToken.create();
            BackgroundTask task = new BackgroundTask(title, token);
            running.add(task);
            queue.add(() -> {
                T result;
                try {
                    result = work.run((done, total, message) -> { }, token);
                } catch (Throwable t) {
                    running.remove(task);
                    onFailure.accept(t);
                    return;
                }
                running.remove(task);
                onSuccess.accept(result);
            });
            return task;
        }

        int queued() {
            return queue.size();
        }

        void runNext() {
            queue.poll().run();
        }

        void runAll() {
            while (!queue.isEmpty()) {
                runNext();
            }
        }

        @Override
        public <T> T callOnUiThread(Callable<T> question) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ObservableList<BackgroundTask> running() {
            return running;
        }
    }
}
