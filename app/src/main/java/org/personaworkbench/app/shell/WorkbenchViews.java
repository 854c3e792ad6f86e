package org.personaworkbench.app.shell;

import org.personaworkbench.app.common.DialogService;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.TaskRunner;
import org.personaworkbench.app.data.DataViewModel;
import org.personaworkbench.app.experiments.ExperimentsView;
import org.personaworkbench.app.experiments.ExperimentsViewModel;
import org.personaworkbench.app.export.ExportView;
import org.personaworkbench.app.export.ExportViewModel;
import org.personaworkbench.app.features.FeaturesView;
import org.personaworkbench.app.features.FeaturesViewModel;
import org.personaworkbench.app.personas.PersonasViewModel;
import org.personaworkbench.app.recommendations.RecommendationsView;
import org.personaworkbench.app.recommendations.RecommendationsViewModel;
import org.personaworkbench.app.rules.RulesView;
import org.personaworkbench.app.rules.RulesViewModel;
import org.personaworkbench.app.segments.SegmentsViewModel;

/**
 * Every step's view model and view wired to one shell: what the app shows, built in one place so the app and
 * the screenshot tours (which drive the view models) cannot drift apart.
 */
public record WorkbenchViews(ShellView view, DataViewModel data, FeaturesViewModel features,
                             SegmentsViewModel segments, PersonasViewModel personas, RulesViewModel rules,
                             RecommendationsViewModel recommendations, ExperimentsViewModel experiments,
                             ExportViewModel export) {

    /** Builds the steps over {@code shell}'s project and refreshes a step's lists when it is shown. */
    public static WorkbenchViews wire(Engine engine, TaskRunner tasks, DialogService dialogs, ShellViewModel shell) {
        DataViewModel data = new DataViewModel(engine, tasks, dialogs, shell.projectProperty());
        FeaturesViewModel features = new FeaturesViewModel(engine, tasks, dialogs, shell.projectProperty());
        SegmentsViewModel segments = new SegmentsViewModel(engine, tasks, dialogs, shell.projectProperty());
        PersonasViewModel personas = new PersonasViewModel(engine, tasks, dialogs, shell.projectProperty());
        ShellView view = new ShellView(shell, data, segments, personas);
        view.addStepView(Step.FEATURES, () -> new FeaturesView(features).root());
        RulesViewModel rules = new RulesViewModel(engine, tasks, dialogs, shell.projectProperty());
        view.addStepView(Step.RULES, () -> new RulesView(rules).root());
        RecommendationsViewModel recommendations = new RecommendationsViewModel(engine, tasks, dialogs,
                shell.projectProperty());
        view.addStepView(Step.RECOMMENDATIONS, () -> new RecommendationsView(recommendations).root());
        ExperimentsViewModel experiments = new ExperimentsViewModel(engine, tasks, dialogs, shell.projectProperty());
        view.addStepView(Step.EXPERIMENTS, () -> new ExperimentsView(experiments).root());
        ExportViewModel export = new ExportViewModel(engine, tasks, dialogs, shell.projectProperty());
        view.addStepView(Step.EXPORT, () -> new ExportView(export).root());
        // the default-seed preference is where new work starts; changing it later moves the steps' seeds along
        java.util.function.LongConsumer seed = s -> {
            segments.seedProperty().set((int) s);
            recommendations.seedProperty().set(s);
            export.seedProperty().set(s);
        };
        seed.accept(shell.defaultSeedProperty().get());
        shell.defaultSeedProperty().addListener((obs, old, now) -> seed.accept(now.longValue()));
        shell.selectedStepProperty().addListener((obs, old, now) -> {
            if (now == Step.FEATURES) {
                features.refreshLists();
            } else if (now == Step.RULES) {
                rules.refresh(); // new feature sets and runs may have been made
            } else if (now == Step.RECOMMENDATIONS) {
                recommendations.refresh(); // reads the data the first time it is shown
            } else if (now == Step.EXPERIMENTS) {
                experiments.refresh(); // new datasets, runs and rule segments may have been made
            } else if (now == Step.EXPORT) {
                export.refresh();
            }
        });
        shell.projectProperty().addListener((obs, old, now) -> {
            if (now != null && shell.selectedStepProperty().get() == Step.RECOMMENDATIONS) {
                recommendations.refresh();
            } else if (now != null && shell.selectedStepProperty().get() == Step.EXPERIMENTS) {
                experiments.refresh();
            }
        });
        return new WorkbenchViews(view, data, features, segments, personas, rules, recommendations, experiments,
                export);
    }
}
