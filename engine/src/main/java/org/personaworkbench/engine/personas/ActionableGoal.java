package org.personaworkbench.engine.personas;

/** What marketing should do next with a persona, suggested from its traits and editable. */
public enum ActionableGoal {
    UPSELL("Upsell"),
    CROSS_SELL("Cross-sell"),
    RETAIN("Retain"),
    WIN_BACK("Win back"),
    ONBOARD("Onboard");

    private final String label;

    ActionableGoal(String label) {
        this.label = label;
    }

    /** The goal in words, as shown on cards ("Win back"). */
    public String label() {
        return label;
    }
}
