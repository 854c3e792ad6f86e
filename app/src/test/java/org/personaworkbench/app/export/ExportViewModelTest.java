package org.personaworkbench.app.export;

import org.personaworkbench.app.common.CheckedColumn;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakeProject;
import org.personaworkbench.app.common.ImmediateTaskRunner;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.engine.export.ExportOptions;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.project.SavedRule;
import org.personaworkbench.engine.project.SegmentationRunInfo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Export step's view model over the fake engine (run "March": c1, c3 in segment 0, c2 in segment 1). */
class ExportViewModelTest {

    @TempDir
    Path dir;

    private final FakeEngine engine = new FakeEngine();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    private final SimpleObjectProperty<OpenProject> open = new SimpleObjectProperty<>();
    private ExportViewModel vm;

    @BeforeEach
    void setUp() {
        engine.savedRuns.add(new SegmentationRunInfo("March", "rfm", "v", "hash", "kmeans", "{}", 7, 2, 3, "{}",
                "{}", Instant.parse("2026-11-20T10:00:00Z")), new RunAssignments(List.of("c1", "c2", "c3"),
                new int[] {0, 1, 0}));
        engine.rules.put("Repeat", new SavedRule("Repeat", "frequency >= 2", Instant.now()));
        vm = new ExportViewModel(engine, tasks, dialogs, open);
        open.set(new OpenProject(FakeProject.withRfm(dir.resolve("shop.mv.db"), "rfm", 3), List.of()));
    }

    @Test
    void aRunIsExportedWithTheTickedColumnsAndTheFirstLinesArePreviewed() throws Exception {
        assertEquals(List.of("March"), vm.runs());
        assertEquals("March", vm.runProperty().get());
        assertEquals("rfm", vm.featureSetProperty().get());
        assertEquals(List.of("recency_days", "frequency", "monetary", "average_order_value", "tenure_days",
                "r_score", "f_score", "m_score", "segment"), vm.columns().stream().map(CheckedColumn::name).toList());
        vm.columns().get(1).selectedProperty().set(true);
        dialogs.exportFile = dir.resolve("march.csv");
        assertEquals("march.csv", vm.suggestedName());

        vm.export();

        ExportSummary summary = vm.summaryProperty().get();
        assertNotNull(summary);
        assertEquals(3, summary.result().rows());
        assertEquals(List.of("customer_id,segment,persona,frequency", "c1,0,,5.0", "c2,1,,1.0", "c3,0,,2.0"),
                summary.preview());
        assertEquals(List.of("frequency"), engine.exports.getFirst().columns());
        assertTrue(vm.messageProperty().get().contains("march.csv"), vm.messageProperty().get());
        assertFalse(vm.runningProperty().get());
        assertNull(vm.currentTaskProperty().get());
    }

    @Test
    void hashingWithoutASaltIsRefusedBeforeAskingForAFile() {
        vm.hashIdsProperty().set(true);
        dialogs.exportFile = dir.resolve("x.csv");
        vm.export();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.getFirst().message().contains("salt"), dialogs.errors.getFirst().message());
        assertEquals(List.of(), engine.exports);

        vm.saltProperty().set("s3cret");
        vm.holdoutProperty().set(true);
        vm.holdoutShareProperty().set(0.5);
        vm.seedProperty().set(7L);
        vm.excelBomProperty().set(true);
        vm.personaColumnProperty().set(false);
        vm.export();
        ExportOptions used = engine.exports.getFirst();
        assertEquals("s3cret", used.hashSalt());
        assertEquals(0.5, used.holdoutShare(), 0);
        assertEquals(7, used.seed());
        assertTrue(used.excelBom());
        assertFalse(used.personaColumn());
        assertEquals(2, vm.summaryProperty().get().result().holdoutRows());
        assertTrue(vm.summaryProperty().get().preview().getFirst().startsWith("customer_id_hash,segment,holdout"),
                "the BOM is not shown: " + vm.summaryProperty().get().preview().getFirst());
    }

    @Test
    void aRunWithoutPersonasTurnsThePersonaSourceOffWithANoteAndARuleSegmentCanBeExported() throws Exception {
        assertFalse(vm.personasAvailableProperty().get());
        assertFalse(vm.personaNoteProperty().get().isEmpty());
        vm.kindProperty().set(ExportViewModel.SourceKind.PERSONA);
        vm.export();
        assertEquals(1, dialogs.errors.size(), "refused with the note");

        vm.kindProperty().set(ExportViewModel.SourceKind.RULE);
        assertEquals("Repeat", vm.ruleProperty().get());
        assertEquals("rfm", vm.featureSetProperty().get());
        dialogs.exportFile = dir.resolve("repeat.csv");
        vm.export();
        assertEquals(List.of("customer_id,segment,persona", "c1,Repeat,", "c3,Repeat,"),
                Files.readAllLines(dir.resolve("repeat.csv"), StandardCharsets.UTF_8));
    }

    @Test
    void withPersonasOnePersonasMembersAreExported() {
        engine.personaNames = Map.of(0, "Loyal regulars", 1, "Lapsed");
        vm.refresh();
        assertTrue(vm.personasAvailableProperty().get());
        vm.kindProperty().set(ExportViewModel.SourceKind.PERSONA);
        assertEquals(List.of(new PersonaChoice(0, "Loyal regulars"), new PersonaChoice(1, "Lapsed")), vm.personas());
        assertEquals("loyal-regulars.csv", vm.suggestedName());
        dialogs.exportFile = dir.resolve("loyal.csv");
        vm.export();
        assertEquals(List.of("customer_id,segment,persona", "c1,Loyal regulars,Loyal regulars", "c3,Loyal regulars,Loyal regulars"),
                vm.summaryProperty().get().preview());
    }

    @Test
    void aCancelledExportLeavesNoFileAndSaysSo() {
        dialogs.exportFile = dir.resolve("never.csv");
        tasks.cancelNext();
        vm.export();
        assertFalse(Files.exists(dir.resolve("never.csv")));
        assertNull(vm.summaryProperty().get());
        assertTrue(vm.messageProperty().get().contains("no file"), vm.messageProperty().get());
        assertEquals(List.of(), dialogs.errors);
    }
}
