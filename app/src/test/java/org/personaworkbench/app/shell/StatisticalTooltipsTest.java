package org.personaworkbench.app.shell;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.app.features.FeaturesView;
import org.personaworkbench.app.features.FeaturesViewModel;
import org.personaworkbench.app.personas.PersonasView;
import org.personaworkbench.app.personas.PersonasViewModel;
import org.personaworkbench.app.recommendations.RecommendationsView;
import org.personaworkbench.app.recommendations.RecommendationsViewModel;
import org.personaworkbench.app.rules.RulesView;
import org.personaworkbench.app.rules.RulesViewModel;
import org.personaworkbench.app.segments.SegmentsView;
import org.personaworkbench.app.segments.SegmentsViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every statistical figure explains itself: walks the column headers of each step's statistical tables (and the
 * Segments charts) and asserts that each one, except the name column, has a non-empty tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class StatisticalTooltipsTest {

    private final FakeEngine engine = new FakeEngine();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final SimpleObjectProperty<OpenProject> open = new SimpleObjectProperty<>();

    /** Per table: the header texts that are names, not figures, and need no explanation. */
    private static final Map<String, Set<String>> TABLES = Map.of(
            "sizesTable", Set.of("Segment"),
            "profileFeatures", Set.of("Feature"),
            "featureTests", Set.of("Feature"),
            "featureTable", Set.of("Feature", "Include"),
            "overlapTable", Set.of("Segment"),
            "personaTraitTable", Set.of(),
            "evaluationTable", Set.of());

    @Test
    void everyStatisticalColumnAndChartHasATooltipSayingWhatItMeans(FxRobot robot) {
        Map<String, List<String>> missing = new TreeMap<>();
        Map<String, Integer> counted = new TreeMap<>();
        robot.interact(() -> {
            List<Parent> views = List.of(
                    new SegmentsView(new SegmentsViewModel(engine, tasks, dialogs, open)).root(),
                    new FeaturesView(new FeaturesViewModel(engine, tasks, dialogs, open)).root(),
                    new RulesView(new RulesViewModel(engine, tasks, dialogs, open)).root(),
                    new PersonasView(new PersonasViewModel(engine, tasks, dialogs, open)).root(),
                    new RecommendationsView(new RecommendationsViewModel(engine, tasks, dialogs, open)).root());
            for (Parent view : views) {
                new javafx.scene.Scene(view, 1280, 800); // skins (and with them the tabs' content) exist in a scene
                view.applyCss();
                view.layout();
                for (Node n : view.lookupAll(".table-view")) {
                    if (n.getId() == null || !TABLES.containsKey(n.getId())) {
                        continue;
                    }
                    for (TableColumn<?, ?> c : ((TableView<?>) n).getColumns()) {
                        String header = header(c);
                        if (TABLES.get(n.getId()).contains(header)) {
                            continue;
                        }
                        counted.merge(n.getId(), 1, Integer::sum);
                        if (tip(c).isBlank()) {
                            missing.computeIfAbsent(n.getId(), k -> new ArrayList<>()).add(header);
                        }
                    }
                }
            }
            for (String chart : List.of("elbowChart", "silhouetteChart", "calinskiChart", "daviesChart",
                    "stabilityChart")) {
                Node node = views.getFirst().lookupAll("#" + chart).stream().findFirst().orElse(null);
                Object tip = node == null ? null : node.getProperties().get(Tooltip.class);
                counted.merge("charts", 1, Integer::sum);
                if (!(tip instanceof Tooltip t) || t.getText().lines().count() < 2) {
                    missing.computeIfAbsent("charts", k -> new ArrayList<>()).add(chart);
                }
            }
        });
        assertEquals(Map.of(), missing, "statistical figures without an explaining tooltip");
        assertEquals(TABLES.keySet().size() + 1, counted.size(), "every table was found: " + counted);
        assertTrue(counted.get("profileFeatures") >= 6 && counted.get("evaluationTable") >= 8, counted.toString());
    }

    private static String header(TableColumn<?, ?> c) {
        if (c.getText() != null && !c.getText().isBlank()) {
            return c.getText();
        }
        return c.getGraphic() instanceof Label l ? l.getText() : "";
    }

    private static String tip(TableColumn<?, ?> c) {
        if (c.getGraphic() instanceof Label l && l.getTooltip() != null && l.getTooltip().getText() != null) {
            return l.getTooltip().getText();
        }
        return "";
    }
}
