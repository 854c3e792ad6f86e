package org.personaworkbench.engine.experiments;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.experiments.ExperimentDefinition.Breakdown;
import org.personaworkbench.engine.experiments.ExperimentDefinition.BreakdownKind;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetWriter;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;
import org.personaworkbench.engine.project.TestData;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving, listing and deleting experiment definitions in a project with a small per-user dataset "ab". */
class ExperimentsTest {

    @TempDir
    Path folder;

    Project project;

    @BeforeEach
    void setUp() {
        project = new ProjectService().create(folder.resolve("p"), ProjectOptions.plain());
        writeAb(project);
    }

    @AfterEach
    void close() {
        project.close();
    }

    /** 12 users in A (3 convert), 12 in B (none), customer ids 1..24, a tier t0/t1, spend = i (A) or i + 1 (B). */
    static void writeAb(Project project) {
        List<DatasetColumn> columns = List.of(
                new DatasetColumn("customer", ColumnType.INTEGER, ColumnRole.CUSTOMER_ID),
                new DatasetColumn("group", ColumnType.TEXT, ColumnRole.NONE),
                new DatasetColumn("bought", ColumnType.TEXT, ColumnRole.NONE),
                new DatasetColumn("spend", ColumnType.DECIMAL, ColumnRole.NONE),
                new DatasetColumn("tier", ColumnType.TEXT, ColumnRole.NONE));
        try (DatasetWriter writer = project.newDataset("ab", columns)) {
            for (int i = 0; i < 12; i++) {
                writer.append(new Object[] {(long) (2 * i + 1), "A", i < 3 ? "yes" : "no", (double) i, "t" + i % 2});
                writer.append(new Object[] {(long) (2 * i + 2), "B", "no", (double) (i + 1), "t" + i % 2});
            }
            writer.commit(TestData.logEntry("ab", 24));
        }
    }

    @Test
    void savedDefinitionReadsBackWithEveryField() {
        ExperimentDefinition d = ExperimentDefinition.perUser("Spring banner", "AB", "GROUP", "A", "bought")
                .withMetric("spend", null).withCustomerColumn("customer")
                .withBreakdown(new Breakdown(BreakdownKind.COLUMN, "Tier")).withExpectedSplit(new double[] {60, 40})
                .withPrior(2, 3);

        ExperimentDefinition saved = Experiments.save(project, d);

        assertEquals("ab", saved.dataset(), "spelled as in the project");
        assertEquals("group", saved.variantColumn());
        assertEquals("tier", saved.breakdown().source());
        ExperimentDefinition back = Experiments.saved(project, "spring BANNER").orElseThrow();
        assertEquals("Spring banner", back.name());
        assertEquals("ab", back.dataset());
        assertEquals("group", back.variantColumn());
        assertEquals("A", back.control());
        assertEquals("bought", back.conversionColumn());
        assertEquals("spend", back.metricColumn());
        assertEquals(null, back.covariateColumn());
        assertEquals("customer", back.customerColumn());
        assertFalse(back.aggregated());
        assertEquals(new Breakdown(BreakdownKind.COLUMN, "tier"), back.breakdown());
        assertArrayEquals(new double[] {60, 40}, back.expectedSplit());
        assertEquals(0.95, back.confidence());
        assertEquals(2, back.priorAlpha());
        assertEquals(3, back.priorBeta());
        assertEquals(List.of("Spring banner"), Experiments.saved(project).stream().map(ExperimentDefinition::name)
                .toList());
    }

    @Test
    void savingUnderTheSameNameReplacesAndDeleteRemoves() {
        Experiments.save(project, ExperimentDefinition.perUser("t", "ab", "group", "A", "bought"));
        Experiments.save(project, ExperimentDefinition.perUser("T", "ab", "group", "B", "bought"));
        Experiments.save(project, ExperimentDefinition.perUser("u", "ab", "group", "A", "bought"));

        assertEquals(2, Experiments.saved(project).size());
        assertEquals("B", Experiments.saved(project, "t").orElseThrow().control());
        assertTrue(Experiments.delete(project, "T"));
        assertFalse(Experiments.delete(project, "t"));
        assertEquals(List.of("u"), Experiments.saved(project).stream().map(ExperimentDefinition::name).toList());
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsThereAre() {
        EngineException e = assertThrows(EngineException.class, () -> Experiments.save(project,
                ExperimentDefinition.perUser("t", "ab", "group", "A", "convrted")));

        assertEquals("The dataset 'ab' has no column 'convrted' (the conversion column). Its columns: customer, "
                + "group, bought, spend, tier.", e.getMessage());
        assertTrue(Experiments.saved(project).isEmpty());
    }

    @Test
    void aMissingDatasetIsNamed() {
        EngineException e = assertThrows(EngineException.class, () -> Experiments.save(project,
                ExperimentDefinition.perUser("t", "orders", "group", "A", "bought")));

        assertEquals("The project has no dataset named 'orders'. Its datasets: ab.", e.getMessage());
    }

    @Test
    void aPersonaBreakdownNeedsTheCustomerColumnAndAnExistingRun() {
        ExperimentDefinition d = ExperimentDefinition.perUser("t", "ab", "group", "A", "bought")
                .withBreakdown(new Breakdown(BreakdownKind.PERSONAS, "rfm-k4"));
        EngineException noCustomer = assertThrows(EngineException.class, () -> Experiments.save(project, d));
        assertTrue(noCustomer.getMessage().contains("needs the customer id column"), noCustomer.getMessage());

        EngineException noRun = assertThrows(EngineException.class,
                () -> Experiments.save(project, d.withCustomerColumn("customer")));
        assertEquals("The project has no segmentation run named 'rfm-k4'; it has none.", noRun.getMessage());
    }

    @Test
    void variantsComeInOrderOfFirstAppearance() {
        assertEquals(List.of("A", "B"), Experiments.variants(project, "ab", "group", CancellationToken.create()));
        assertEquals(List.of("t0", "t1"), Experiments.variants(project, "ab", "TIER", CancellationToken.create()));
    }
}
