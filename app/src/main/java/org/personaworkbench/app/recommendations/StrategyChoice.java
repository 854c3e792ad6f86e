package org.personaworkbench.app.recommendations;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.personaworkbench.engine.recommendations.Algorithm;

/** One recommendation strategy with a tick: shown side by side and evaluated when ticked. */
public final class StrategyChoice {

    private final Algorithm algorithm;
    private final BooleanProperty selected;

    public StrategyChoice(Algorithm algorithm, boolean selected) {
        this.algorithm = algorithm;
        this.selected = new SimpleBooleanProperty(this, "selected", selected);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }
}
