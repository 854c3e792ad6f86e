package org.personaworkbench.app.data;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.ImmediateTaskRunner;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.engine.importing.BadRow;
import org.personaworkbench.engine.importing.BadRowPolicy;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.importing.ImportOptions;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data step and import wizard view models with the immediate runner and fakes: no FX toolkit. */
class DataViewModelTest {

    private final Path csv = Path.of("/data/Online Retail 2011.csv.gz");
    private FakeEngine engine;
    private FakeDialogService dialogs;
    private ImmediateTaskRunner tasks;
    private SimpleObjectProperty<OpenProject> open;
    private DataViewModel vm;

    @BeforeEach
    void setUp() {
        engine = new FakeEngine();
        dialogs = new FakeDialogService();
        tasks = new ImmediateTaskRunner();
        Project project = engine.createProject(Path.of("/tmp/p.mv.db"), ProjectOptions.plain());
        open = new SimpleObjectProperty<>(new OpenProject(project, project.datasets()));
        vm = new DataViewModel(engine, tasks, dialogs, open);
        dialogs.fileToImport = csv;
    }

    private ImportWizardViewModel wizard() {
        return vm.startImport().orElseThrow();
    }

    @Test
    void theWizardInspectsTheFileAndSuggestsANameFromIt() {
        ImportWizardViewModel w = wizard();

        assertNotNull(w.previewProperty().get());
        assertEquals(3, w.columns().size());
        assertEquals("online_retail_2011", w.datasetNameProperty().get());
        assertEquals(ImportWizardViewModel.Delimiter.COMMA, w.delimiterProperty().get());
        assertEquals(StandardCharsets.UTF_8, w.encodingProperty().get());
        assertTrue(w.canImportProperty().get());
        assertEquals(1, engine.inspections.size());
    }

    @Test
    void changingDelimiterEncodingOrHeaderInspectsAgainWithThoseOverrides() {
        ImportWizardViewModel w = wizard();

        w.delimiterProperty().set(ImportWizardViewModel.Delimiter.SEMICOLON);
        w.encodingProperty().set(StandardCharsets.ISO_8859_1);
        w.headerProperty().set(false);

        assertEquals(4, engine.inspections.size());
        var last = engine.inspections.getLast();
        assertEquals(';', last.delimiter());
        assertEquals(StandardCharsets.ISO_8859_1, last.encoding());
        assertEquals(Boolean.FALSE, last.header());
        assertEquals(ImportWizardViewModel.Delimiter.SEMICOLON, w.delimiterProperty().get());
    }

    @Test
    void importAddsTheDatasetSelectsItAndProfilesItInTheBackground() {
        ImportWizardViewModel w = wizard();

        assertTrue(w.accept());

        assertEquals(1, vm.datasets().size());
        assertEquals("online_retail_2011", vm.datasets().getFirst().name());
        assertEquals(3, vm.datasets().getFirst().rows());
        assertEquals("online_retail_2011", vm.selectedDatasetProperty().get().name());
        assertNotNull(vm.profileProperty().get());
        assertEquals(6.75, vm.profileProperty().get().columns().get(1).mean());
        assertFalse(vm.profilingProperty().get());
        assertTrue(vm.messageProperty().get().contains("online_retail_2011"), vm.messageProperty().get());
        assertTrue(tasks.titles().stream().anyMatch(t -> t.startsWith("Importing")), tasks.titles().toString());
        assertTrue(tasks.titles().stream().anyMatch(t -> t.startsWith("Profiling")), tasks.titles().toString());
    }

    @Test
    void typeAndRoleOverridesReachTheImportOptions() {
        ImportWizardViewModel w = wizard();
        w.columns().get(1).typeProperty().set(ColumnType.TEXT);
        w.columns().get(0).roleProperty().set(ColumnRole.NONE);

        w.accept();

        ImportOptions options = engine.imports.getFirst();
        assertEquals(ColumnType.TEXT, options.columns().get(1).type());
        assertEquals(ColumnRole.NONE, options.columns().get(0).role());
        assertEquals("yyyy-MM-dd", options.columns().get(2).pattern());
    }

    @Test
    void aNameInUseIsRefusedIgnoringCaseAndAnEmptyNameToo() {
        wizard().accept();
        ImportWizardViewModel w = wizard();

        w.datasetNameProperty().set("Online_Retail_2011");
        assertFalse(w.nameProblemProperty().get().isEmpty());
        assertFalse(w.canImportProperty().get());
        assertFalse(w.accept());

        w.datasetNameProperty().set("  ");
        assertFalse(w.canImportProperty().get());

        w.datasetNameProperty().set("orders");
        assertTrue(w.nameProblemProperty().get().isEmpty());
        assertTrue(w.accept());
        assertEquals(2, vm.datasets().size());
    }

    @Test
    void badRowsAreShownToTheAnalystWhoCanSkipThem() {
        engine.badRows = List.of(new BadRow(7, "amount", "not a number", "c7,abc,2024-01-01"));
        ImportWizardViewModel w = wizard();

        w.accept();

        assertEquals(List.of(1L), dialogs.badRowQuestions);
        assertEquals(1, vm.datasets().size());
        assertTrue(vm.messageProperty().get().contains("1"), vm.messageProperty().get());
        assertEquals(BadRowPolicy.Decision.SKIP, dialogs.badRowDecision);
    }

    @Test
    void cancellingAtTheBadRowQuestionImportsNothing() {
        engine.badRows = List.of(new BadRow(7, "amount", "not a number", "c7,abc,2024-01-01"));
        dialogs.badRowDecision = BadRowPolicy.Decision.CANCEL;

        wizard().accept();

        assertTrue(vm.datasets().isEmpty());
        assertFalse(vm.importingProperty().get());
    }

    @Test
    void savingRejectsNeedsAFileAndPassesIt() {
        ImportWizardViewModel w = wizard();
        w.saveRejectsProperty().set(true); // the fake chooser is cancelled
        assertFalse(w.saveRejectsProperty().get());

        dialogs.rejectsFile = Path.of("/tmp/rejects.csv");
        w.saveRejectsProperty().set(true);
        assertEquals(Path.of("/tmp/rejects.csv"), w.rejectsFileProperty().get());
        w.accept();

        assertEquals(Path.of("/tmp/rejects.csv"), engine.imports.getFirst().rejectsFile());
    }

    @Test
    void aCancelledImportSaysTheProjectIsUnchanged() {
        ImportWizardViewModel w = wizard();
        tasks.cancelNext();

        w.accept();

        assertTrue(vm.datasets().isEmpty());
        assertEquals("Import cancelled; the project is unchanged.", vm.messageProperty().get());
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void noImportWithoutAProjectOrWhenTheChooserIsCancelled() {
        dialogs.fileToImport = null;
        assertTrue(vm.startImport().isEmpty());
        open.set(null);
        dialogs.fileToImport = csv;
        assertTrue(vm.startImport().isEmpty());
        assertNull(vm.projectProperty().get());
    }

    @Test
    void profilesAreKeptWhileTheProjectStaysOpen() {
        wizard().accept();
        ImportWizardViewModel w = wizard();
        w.datasetNameProperty().set("orders");
        w.accept();
        int computed = engine.profiles;

        vm.selectedDatasetProperty().set(vm.datasets().get(0));
        vm.selectedDatasetProperty().set(vm.datasets().get(1));

        assertEquals(computed, engine.profiles);
        vm.refreshProfile();
        assertEquals(computed + 1, engine.profiles);
    }

    @Test
    void defaultNamesAreSafeIdentifiers() {
        assertEquals("customers", ImportWizardViewModel.defaultName(Path.of("Customers.CSV")));
        assertEquals("d_2024_orders", ImportWizardViewModel.defaultName(Path.of("2024 orders.tsv.gz")));
        assertEquals("dataset", ImportWizardViewModel.defaultName(Path.of("%%%.csv")));
    }
}
