package org.personaworkbench.app.personas;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakePersonas;
import org.personaworkbench.app.common.FakeProject;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.engine.personas.Persona;
import org.personaworkbench.engine.personas.StickyNote;
import org.personaworkbench.ui.UiResources;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Personas view with the fake engine, real background work and the real stylesheet (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class PersonasViewTest {

    private static final Path FILE = Path.of("/tmp/personas-view-test.mv.db");

    private final FakeEngine engine = new FakeEngine();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final SimpleObjectProperty<OpenProject> open = new SimpleObjectProperty<>();
    private PersonasViewModel vm;
    private PersonasView view;

    @Start
    void start(Stage stage) {
        Theme.apply(false);
        FakePersonas.install(engine);
        vm = new PersonasViewModel(engine, tasks, dialogs, open);
        view = new PersonasView(vm);
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(UiResources.stylesheet());
        stage.setScene(scene);
        stage.show();
        open.set(new OpenProject(FakeProject.withRfm(FILE, "rfm", FakePersonas.CUSTOMERS), List.of()));
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (view.workshop() != null) {
                view.workshop().close();
            }
        }).get(10, TimeUnit.SECONDS);
        tasks.close();
    }

    private Persona stored(int segment) {
        return engine.personaStore.get(FILE).get(FakePersonas.RUN).get(segment);
    }

    private void loaded() throws Exception {
        waitUntil(() -> vm.loadedProperty().get() && tasks.running().isEmpty());
    }

    @Test
    void theGalleryShowsACardPerPersonaWithItsFigures(FxRobot robot) throws Exception {
        loaded();

        assertEquals(4, robot.lookup(".persona-card").queryAll().size());
        assertEquals("Lapsed one-timers", robot.lookup("#personaCardName-3").queryAs(Label.class).getText());
        PersonaCard lapsed = robot.lookup("#personaCard-3").queryAs(PersonaCard.class);
        List<String> texts = robot.from(lapsed).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertTrue(texts.contains("Win back"), texts.toString());
        assertTrue(texts.contains("1,262"), texts.toString());
        assertTrue(texts.contains("29.1%"), texts.toString());
        assertTrue(texts.contains("241 days ago"), texts.toString());
        assertTrue(texts.contains("—"), "its unknown average order value is a dash: " + texts);
        assertTrue(texts.contains("LO"), "initials avatar: " + texts);
        assertTrue(robot.lookup("#personaCard-0").queryAs(PersonaCard.class).getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("selected")));
    }

    @Test
    void aNameTypedInTheEditorIsSavedOnEnterAndCtrlZTakesItBack(FxRobot robot) throws Exception {
        loaded();
        robot.clickOn("#personaCard-2");
        waitUntil(() -> vm.selectedProperty().get().segment() == 2);
        TextField name = robot.lookup("#personaNameField").queryAs(TextField.class);
        assertEquals("New promising buyers", name.getText());

        robot.clickOn(name);
        robot.interact(name::selectAll);
        robot.write("Fresh faces");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(engine.personaSaves.isEmpty(), "typing alone saves nothing");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !vm.saving() && tasks.running().isEmpty());

        assertEquals("Fresh faces", stored(2).name());
        assertEquals("Fresh faces", robot.lookup("#personaCardName-2").queryAs(Label.class).getText());
        assertEquals("Saved", robot.lookup("#personasSaveStatus").queryAs(Label.class).getText());
        Button undo = robot.lookup("#personasUndoButton").queryButton();
        assertEquals("Undo rename to “Fresh faces” (Ctrl+Z)", undo.getTooltip().getText());

        robot.clickOn("#personaCard-2"); // the keys go to the view, not to the text field's own undo
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> !vm.saving() && tasks.running().isEmpty());
        assertEquals("New promising buyers", stored(2).name());
        assertEquals("New promising buyers", name.getText());

        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        waitUntil(() -> !vm.saving() && tasks.running().isEmpty());
        assertEquals("Fresh faces", stored(2).name());
        assertEquals("Fresh faces", name.getText());

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> !vm.saving() && tasks.running().isEmpty());
        assertEquals("New promising buyers", stored(2).name());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> !vm.saving() && tasks.running().isEmpty());
        assertEquals("Fresh faces", stored(2).name());
        assertEquals(5, engine.personaSaves.size(), "the edit, two undos and two redos: each saved");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aSummaryIsSavedWhenTheFieldLosesFocus(FxRobot robot) throws Exception {
        loaded();
        TextField summary = robot.lookup("#personaSummaryField").queryAs(TextField.class);
        robot.clickOn(summary);
        robot.interact(summary::selectAll);
        robot.write("Bulk orders every fortnight");
        robot.clickOn("#personaQuoteField");
        waitUntil(() -> !vm.saving() && tasks.running().isEmpty());

        assertEquals("Bulk orders every fortnight", stored(0).summary());
        assertEquals(1, engine.personaSaves.size());
    }

    @Test
    void theTraitTableShowsTheSelectedSegmentsTestsLargestEffectFirst(FxRobot robot) throws Exception {
        loaded();
        robot.clickOn("#personaCard-3");
        robot.interact(() -> select(robot, "traitsTab"));
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> table = robot.lookup("#personaTraitTable").queryTableView();
        assertEquals(5, table.getItems().size());
        TraitRow first = (TraitRow) table.getItems().getFirst();
        assertEquals("recency_days", first.feature(), "the lapsed differ most by recency");
        assertTrue(first.significant());
        assertEquals(8, table.getColumns().size(), "feature, mean, others, lift, effect, p, q, marker");
    }

    @Test
    void checkingTwoCardsFillsTheComparison(FxRobot robot) throws Exception {
        loaded();
        Button compare = robot.lookup("#personasCompareButton").queryButton();
        assertTrue(compare.isDisabled());

        robot.clickOn("#personaCompare-0");
        robot.clickOn("#personaCompare-3");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(compare.isDisabled());
        robot.clickOn(compare);
        WaitForAsyncUtils.waitForFxEvents();

        TabPane tabs = robot.lookup("#personaTabs").queryAs(TabPane.class);
        assertEquals("compareTab", tabs.getSelectionModel().getSelectedItem().getId());
        TableView<?> table = robot.lookup("#comparisonTable").queryTableView();
        assertEquals(3, table.getColumns().size(), "the figure and two personas");
        PersonaComparison.Row size = (PersonaComparison.Row) table.getItems().getFirst();
        assertEquals(List.of("412", "1,262"), size.values());
    }

    @Test
    void contentRowsAreAddedAndEditedInPlace(FxRobot robot) throws Exception {
        loaded();
        robot.clickOn("#personaCard-3");
        robot.interact(() -> select(robot, "contentTab"));
        robot.clickOn("#addContentRowButton");
        waitUntil(() -> !vm.saving() && tasks.running().isEmpty());
        // the new row's first cell is being edited: type and commit
        robot.write("Win-back coupon").type(KeyCode.ENTER);
        waitUntil(() -> !vm.saving() && tasks.running().isEmpty());

        assertEquals(1, stored(3).contentMap().size());
        assertEquals("Win-back coupon", stored(3).contentMap().getFirst().contentType());
        assertEquals(2, engine.personaSaves.size(), "the new row, then its text");
    }

    @Test
    void workshopModeMovesWithTheArrowKeysAndAddsNotesOnEnter(FxRobot robot) throws Exception {
        loaded();
        robot.clickOn("#personasWorkshopButton");
        waitUntil(() -> view.workshop() != null && view.workshop().isShowing());
        WorkshopWindow workshop = view.workshop();
        Label name = robot.from(workshop.getScene().getRoot()).lookup("#workshopName").queryAs(Label.class);
        Label counter = robot.from(workshop.getScene().getRoot()).lookup("#workshopCounter").queryAs(Label.class);
        assertEquals("Champion wholesalers", name.getText());
        assertEquals("Persona 1 of 4", counter.getText());

        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Loyal regulars", name.getText());
        assertEquals("Persona 2 of 4", counter.getText());
        assertEquals(1, vm.selectedProperty().get().segment(), "the editor follows");
        robot.type(KeyCode.LEFT).type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Lapsed one-timers", name.getText(), "left from the first wraps to the last");

        TextField note = robot.from(workshop.getScene().getRoot()).lookup("#workshopNoteField")
                .queryAs(TextField.class);
        robot.clickOn(note).write("Send a we-miss-you voucher").type(KeyCode.ENTER);
        waitUntil(() -> !vm.saving() && tasks.running().isEmpty());
        assertEquals(List.of("Send a we-miss-you voucher"), stored(3).notes().stream().map(StickyNote::text).toList());
        @SuppressWarnings("unchecked")
        ListView<StickyNote> notes = robot.from(workshop.getScene().getRoot()).lookup("#workshopNotes")
                .queryAs(ListView.class);
        assertEquals(1, notes.getItems().size());
        assertEquals("", note.getText());

        // in the note field the arrows move the caret, not the persona; Esc gives the keys back
        robot.type(KeyCode.LEFT);
        assertEquals("Lapsed one-timers", name.getText());
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Champion wholesalers", name.getText());

        // the name is edited in place: click, type, Enter
        robot.clickOn(name);
        TextField nameField = robot.from(workshop.getScene().getRoot()).lookup("#workshopNameField")
                .queryAs(TextField.class);
        assertTrue(nameField.isVisible());
        robot.interact(nameField::selectAll);
        robot.write("Bulk champions").type(KeyCode.ENTER);
        waitUntil(() -> !vm.saving() && tasks.running().isEmpty());
        assertEquals("Bulk champions", stored(0).name());
        assertEquals("Bulk champions", name.getText());
        assertFalse(nameField.isVisible());

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> view.workshop() == null);
        assertTrue(Window.getWindows().stream().noneMatch(w -> w instanceof WorkshopWindow));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void withoutSavedRunsTheStepSaysHowToMakeOne(FxRobot robot) throws Exception {
        FakeEngine empty = new FakeEngine();
        robot.interact(() -> {
            vm = new PersonasViewModel(empty, tasks, dialogs, new SimpleObjectProperty<>(new OpenProject(
                    FakeProject.withRfm(FILE, "rfm", 10), List.of())));
            view = new PersonasView(vm);
            robot.lookup("#personasView").query().getScene().setRoot(view.root());
        });
        waitUntil(() -> tasks.running().isEmpty());

        Label help = robot.lookup("#personasEmpty").queryAs(Label.class);
        assertTrue(help.isVisible() && help.getParent().isVisible());
        assertTrue(help.getText().contains("Segments step"), help.getText());
        assertNull(vm.selectedRunProperty().get());
    }

    private static void select(FxRobot robot, String tabId) {
        TabPane tabs = robot.lookup("#personaTabs").queryAs(TabPane.class);
        tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
