package org.personaworkbench.app.personas;

import org.personaworkbench.engine.personas.ActionableGoal;

import static org.personaworkbench.app.common.I18n.key;
import static org.personaworkbench.app.common.I18n.tr;

/** The actionable goals in the UI's words (from the bundle, so they translate). */
public final class GoalText {

    private GoalText() {
    }

    public static String label(ActionableGoal goal) {
        return tr(switch (goal) {
            case UPSELL -> key("personas.goal.upsell");
            case CROSS_SELL -> key("personas.goal.crossSell");
            case RETAIN -> key("personas.goal.retain");
            case WIN_BACK -> key("personas.goal.winBack");
            case ONBOARD -> key("personas.goal.onboard");
        });
    }
}
