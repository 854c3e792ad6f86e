package org.personaworkbench.engine.rules;

import java.util.List;

/**
 * Everything a rule can refer to in a project, for a visual rule builder: the fields, and whether event counts
 * are available and which filters they accept.
 *
 * @param fields         fields in source order (feature sets first), then column order
 * @param events         the project has an events dataset, so views(), add_to_cart(), purchases() and events()
 *                       can be used
 * @param eventCategory  the events have a category column ({@code category = "…"} filter)
 * @param eventDevice    the events have a device column ({@code device = "…"} filter)
 */
public record RuleFields(List<RuleField> fields, boolean events, boolean eventCategory, boolean eventDevice) {
    public RuleFields {
        fields = List.copyOf(fields);
    }

    /** The event count functions of the rule language, in the order an editor offers them. */
    public static final List<String> EVENT_FUNCTIONS = List.of("views", "add_to_cart", "purchases", "events");
}
