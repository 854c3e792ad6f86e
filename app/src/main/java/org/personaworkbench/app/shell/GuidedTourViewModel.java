package org.personaworkbench.app.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.personaworkbench.app.common.I18n.key;
import static org.personaworkbench.app.common.I18n.tr;

/**
 * The short guided tour shown after a sample project opens: one callout per available workflow step, in
 * sidebar order, each selecting its step. Finishing or skipping it is remembered, so it runs on its own only
 * once; Help → Show guided tour replays it.
 */
public final class GuidedTourViewModel {

    private final AppPreferences preferences;
    private final ObjectProperty<Step> selectedStep;
    private final ReadOnlyObjectWrapper<Step> current = new ReadOnlyObjectWrapper<>(this, "current");

    GuidedTourViewModel(AppPreferences preferences, ObjectProperty<Step> selectedStep) {
        this.preferences = Objects.requireNonNull(preferences);
        this.selectedStep = Objects.requireNonNull(selectedStep);
    }

    /** The steps the tour visits: every available one, in sidebar order. */
    public List<Step> steps() {
        return Arrays.stream(Step.values()).filter(Step::available).toList();
    }

    /** The step whose callout is shown; null while no tour runs. */
    public ReadOnlyObjectProperty<Step> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Step current() {
        return current.get();
    }

    public boolean running() {
        return current.get() != null;
    }

    /** Starts the tour at the first step (replaying it when it was dismissed before). */
    public void start() {
        show(steps().getFirst());
    }

    /** Starts the tour unless the user finished or skipped it before. */
    public void startIfNotDismissed() {
        if (!preferences.tourDismissed()) {
            start();
        }
    }

    /** Moves to the next step's callout, or finishes after the last one. */
    public void next() {
        Step now = current.get();
        if (now == null) {
            return;
        }
        List<Step> steps = steps();
        int i = steps.indexOf(now);
        if (i < 0 || i + 1 >= steps.size()) {
            dismiss();
        } else {
            show(steps.get(i + 1));
        }
    }

    /** Hides the tour and remembers not to show it again on its own. */
    public void dismiss() {
        current.set(null);
        preferences.setTourDismissed(true);
    }

    /** Ends the tour without remembering anything (the project was closed under it). */
    void stop() {
        current.set(null);
    }

    /** True on the last callout (its button reads "Finish"). */
    public boolean lastStep() {
        List<Step> steps = steps();
        return current.get() != null && steps.indexOf(current.get()) == steps.size() - 1;
    }

    /** "Step 2 of 7" for the current callout. */
    public String position() {
        List<Step> steps = steps();
        return tr("tour.position", steps.indexOf(current.get()) + 1, steps.size());
    }

    /** What to do on the current step, in one or two sentences. */
    public String text() {
        Step step = current.get();
        return step == null ? "" : tr(textKey(step));
    }

    private void show(Step step) {
        selectedStep.set(step);
        current.set(step);
    }

    static String textKey(Step step) {
        return switch (step) {
            case DATA -> key("tour.data");
            case FEATURES -> key("tour.features");
            case SEGMENTS -> key("tour.segments");
            case PERSONAS -> key("tour.personas");
            case RULES -> key("tour.rules");
            case RECOMMENDATIONS -> key("tour.recommendations");
            case EXPERIMENTS -> key("tour.experiments");
            case EXPORT -> key("tour.export");
        };
    }
}
