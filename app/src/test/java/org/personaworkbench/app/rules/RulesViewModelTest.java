package org.personaworkbench.app.rules;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakeProject;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.ImmediateTaskRunner;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.segmentation.RuleCondition;
import org.personaworkbench.engine.segmentation.SegmentProfile;
import org.personaworkbench.engine.segmentation.SegmentProfiles;
import org.personaworkbench.engine.segmentation.SurrogateRule;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Rules step's view model over the fake engine, whose feature set "rfm" holds c1 (recency 1, frequency 5,
 * monetary 50), c2 (10, 1, 10.5) and c3 (missing, 2, 21).
 */
class RulesViewModelTest {

    private final FakeEngine engine = new FakeEngine();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    private final SimpleObjectProperty<OpenProject> open = new SimpleObjectProperty<>();
    private RulesViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new RulesViewModel(engine, tasks, dialogs, open);
        open.set(new OpenProject(FakeProject.withRfm(Path.of("shop.mv.db"), "rfm", 3), List.of()));
    }

    @Test
    void typedTextBecomesBuilderRowsAndEditingARowRewritesTheText() {
        assertEquals(List.of("recency_days", "frequency", "monetary", "segment", "views", "add_to_cart",
                "purchases", "events"), vm.fields().stream().map(FieldChoice::ruleName).toList());

        vm.ruleTextProperty().set("recency_days <= 30 AND frequency >= 2");

        GroupRow root = vm.rootProperty().get();
        assertFalse(root.anyProperty().get());
        assertEquals(2, root.children().size());
        ConditionRow second = (ConditionRow) root.children().get(1);
        assertEquals("frequency", second.fieldProperty().get().ruleName());
        assertEquals(FieldChoice.Kind.NUMBER, second.fieldProperty().get().kind());
        assertEquals(">=", second.operatorProperty().get());
        assertEquals("2", second.valueProperty().get());

        second.valueProperty().set("5");
        vm.builderChanged();
        assertEquals("recency_days <= 30 and frequency >= 5", vm.ruleTextProperty().get());
        assertSame(root, vm.rootProperty().get(), "editing the builder keeps its rows");
    }

    @Test
    void nestedGroupsPrintWithParenthesesAndEventArgumentsPrintInTheCall() {
        vm.newRule();
        GroupRow root = vm.rootProperty().get();
        ConditionRow first = (ConditionRow) root.children().getFirst();
        first.fieldProperty().set(vm.fields().get(0));
        first.operatorProperty().set("<=");
        first.valueProperty().set("30");
        GroupRow inner = vm.addGroup(root);
        assertTrue(inner.anyProperty().get(), "a nested group starts with the other join");
        ConditionRow a = (ConditionRow) inner.children().getFirst();
        a.fieldProperty().set(vm.fields().get(3));
        a.operatorProperty().set("in");
        a.valueProperty().set("Lost, Champions");
        ConditionRow b = vm.addCondition(inner);
        b.fieldProperty().set(FieldChoice.event("views"));
        b.categoryProperty().set("Tech");
        b.lastDaysProperty().set("7");
        b.operatorProperty().set(">");
        b.valueProperty().set("3");
        vm.builderChanged();

        assertEquals("recency_days <= 30 and (segment in (\"Lost\", \"Champions\") or "
                + "views(category = \"Tech\", last 7 days) > 3)", vm.ruleTextProperty().get());

        vm.remove(inner);
        assertEquals("recency_days <= 30", vm.ruleTextProperty().get());
    }

    @Test
    void aSyntaxErrorNamesItsColumnAndKeepsTheBuilderAsItWas() {
        vm.ruleTextProperty().set("frequency >= 2");
        GroupRow before = vm.rootProperty().get();

        vm.ruleTextProperty().set("frequency >= 2 and monetary >");

        RuleError error = vm.errorProperty().get();
        assertNotNull(error);
        assertEquals(30, error.column());
        assertTrue(error.message().contains("expected a value"), error.message());
        assertSame(before, vm.rootProperty().get());
        vm.countNow();
        assertEquals(org.personaworkbench.app.common.I18n.tr("rules.count.invalid"), vm.countTextProperty().get());
        assertEquals("frequency >= 2 and monetary >\n                             ^",
                RulesView.caretLines(vm.ruleTextProperty().get(), error.column()));
    }

    @Test
    void theCountShowsMembersShareAndUniverseAndAnUnknownFieldIsAnErrorWithItsColumn() {
        vm.ruleTextProperty().set("frequency >= 2");
        vm.countNow();
        assertEquals("2 customers (" + Formats.percent(2.0 / 3) + " of 3)", vm.countTextProperty().get());
        assertFalse(vm.countingProperty().get());

        vm.ruleTextProperty().set("frequency >= 2 and monetry > 1");
        vm.countNow();
        assertEquals(20, vm.errorProperty().get().column());
        assertTrue(vm.errorProperty().get().message().contains("did you mean monetary"),
                vm.errorProperty().get().message());
    }

    @Test
    void aRuleWithNotStaysTextOnlyWithANote() {
        vm.ruleTextProperty().set("frequency >= 2");
        GroupRow before = vm.rootProperty().get();
        vm.ruleTextProperty().set("not (frequency >= 2)");
        assertNull(vm.errorProperty().get());
        assertFalse(vm.builderNoteProperty().get().isEmpty());
        assertSame(before, vm.rootProperty().get());
        vm.countNow();
        assertTrue(vm.countTextProperty().get().startsWith("1 customer ("), vm.countTextProperty().get());
    }

    @Test
    void savingListsTheRuleWithItsCountAndADuplicateNameIsRefusedClearly() {
        vm.ruleTextProperty().set("frequency >= 2");
        vm.saveNameProperty().set("Repeat buyers");
        vm.save();
        assertEquals(List.of(new SavedRuleRow("Repeat buyers", "frequency >= 2", 2)), vm.savedRules());
        assertTrue(vm.messageProperty().get().contains("Repeat buyers"));

        vm.ruleTextProperty().set("monetary > 20");
        vm.saveNameProperty().set("repeat BUYERS");
        vm.save();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.getFirst().message().contains("already exists"), dialogs.errors.getFirst().message());
        assertEquals(1, vm.savedRules().size());

        vm.saveNameProperty().set("  ");
        vm.save();
        assertEquals(2, dialogs.errors.size(), "a name is asked for");
    }

    @Test
    void deletingAsksFirstAndOpeningLoadsTheRule() {
        vm.ruleTextProperty().set("frequency >= 2");
        vm.saveNameProperty().set("Repeat");
        vm.save();
        vm.newRule();
        assertEquals("", vm.ruleTextProperty().get());
        vm.open(vm.savedRules().getFirst());
        assertEquals("frequency >= 2", vm.ruleTextProperty().get());
        assertEquals("Repeat", vm.saveNameProperty().get());

        dialogs.confirmAnswer = false;
        vm.delete(vm.savedRules().getFirst());
        assertEquals(1, vm.savedRules().size(), "kept when the analyst says no");
        dialogs.confirmAnswer = true;
        vm.delete(vm.savedRules().getFirst());
        assertEquals(List.of(), vm.savedRules());
        assertEquals(2, dialogs.confirmations.size());
    }

    @Test
    void overlapWithARunShowsEverySegmentNamedAfterItsPersonaWhenThereIsOne() {
        addRun();
        vm.refresh();
        vm.ruleTextProperty().set("frequency >= 2");
        vm.overlapRunProperty().set("March");

        assertEquals(List.of(new OverlapRow(0, "Segment 0", 2, 2, 1.0, 1.0),
                new OverlapRow(1, "Segment 1", 1, 0, 0.0, 0.0)), vm.overlapRows());
        assertTrue(vm.overlapSummaryProperty().get().contains("March"));

        engine.personaNames = Map.of(0, "Loyal regulars");
        vm.countNow();
        assertEquals("Loyal regulars", vm.overlapRows().getFirst().label());
    }

    @Test
    void aSegmentsSurrogateRuleIsLoadedIntoTheEditorReadyToSave() {
        addRun();
        engine.segmentProfiles = new SegmentProfiles(3, List.of(), List.of(
                new SegmentProfile(0, 2, 2 / 3.0, List.of(), List.of(), new SurrogateRule("frequency > 1.5",
                        List.of(new RuleCondition("frequency", ">", 1.5)), 1.0, 1.0)),
                new SegmentProfile(1, 1, 1 / 3.0, List.of(), List.of(), null)));
        vm.refresh();
        vm.segmentRunProperty().set("March");
        assertEquals(2, vm.segments().size());
        assertEquals("frequency > 1.5", vm.segments().getFirst().ruleText());
        assertNull(vm.segments().get(1).ruleText());

        vm.useSegmentRule();

        assertEquals("frequency > 1.5", vm.ruleTextProperty().get());
        assertEquals("March segment 0", vm.saveNameProperty().get());
        ConditionRow row = assertInstanceOf(ConditionRow.class, vm.rootProperty().get().children().getFirst());
        assertEquals("1.5", row.valueProperty().get());
        vm.save();
        assertEquals("March segment 0", vm.savedRules().getFirst().name());
        assertEquals(2, vm.savedRules().getFirst().members());
    }

    private void addRun() {
        engine.savedRuns.add(new SegmentationRunInfo("March", "rfm", "v", "hash", "kmeans", "{}", 7, 2, 3, "{}",
                "{}", Instant.parse("2026-11-20T10:00:00Z")), new RunAssignments(List.of("c1", "c2", "c3"),
                new int[] {0, 1, 0}));
    }
}
