package org.personaworkbench.app.rules;

import java.util.List;

/**
 * What a builder row can be about: a number or text field (named as a rule names it), or an event count
 * function ({@code views}, {@code add_to_cart}, {@code purchases}, {@code events}).
 *
 * @param ruleName how the rule text names it: {@code recency_days}, {@code rfm.frequency} or {@code views}
 * @param kind     which operators and values fit it
 * @param source   the feature set or dataset it comes from (empty for event counts and unknown fields)
 */
public record FieldChoice(String ruleName, Kind kind, String source) {

    /** The type of a field as far as rules care. */
    public enum Kind {
        NUMBER, TEXT, EVENT;

        /** The operators valid for this kind, in the order the builder offers them. */
        public List<String> operators() {
            return switch (this) {
                case NUMBER -> List.of("=", "!=", "<", "<=", ">", ">=", "in", "not in", "is missing",
                        "is not missing");
                case TEXT -> List.of("=", "!=", "in", "not in", "is missing", "is not missing");
                case EVENT -> List.of("=", "!=", "<", "<=", ">", ">=");
            };
        }
    }

    public static FieldChoice event(String function) {
        return new FieldChoice(function, Kind.EVENT, "");
    }

    /** True for operators that take a list of values. */
    static boolean isList(String operator) {
        return "in".equals(operator) || "not in".equals(operator);
    }

    /** True for operators that take no value. */
    static boolean isMissing(String operator) {
        return operator != null && operator.startsWith("is ");
    }
}
