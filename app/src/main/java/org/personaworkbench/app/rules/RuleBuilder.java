package org.personaworkbench.app.rules;

import org.personaworkbench.engine.rules.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Converts between the visual builder's rows and the rule AST, so both edit the same rule: rows become an
 * expression printed by {@link Rule#text()}, and a parsed rule becomes rows when the builder can show it (it
 * cannot show {@code not}, nor list values with commas or surrounding spaces).
 */
public final class RuleBuilder {

    private RuleBuilder() {
    }

    /** The expression of the rows, leaving out incomplete rows and empty groups; null when nothing is complete. */
    public static Rule.Expr toExpr(BuilderNode node) {
        return switch (node) {
            case ConditionRow c -> condition(c);
            case GroupRow g -> {
                List<Rule.Expr> parts = new ArrayList<>();
                for (BuilderNode child : g.children()) {
                    Rule.Expr e = toExpr(child);
                    if (e != null) {
                        parts.add(e);
                    }
                }
                yield parts.isEmpty() ? null : parts.size() == 1 ? parts.getFirst()
                        : g.anyProperty().get() ? new Rule.Or(parts) : new Rule.And(parts);
            }
        };
    }

    /** The rule text of the rows (empty when no row is complete). */
    public static String text(GroupRow root) {
        Rule.Expr e = toExpr(root);
        return e == null ? "" : new Rule(e).text();
    }

    /** Whether a row has everything a condition needs (field, operator, a value of the field's type). */
    public static boolean complete(ConditionRow row) {
        return condition(row) != null;
    }

    /**
     * Rows for a parsed rule, or empty when the builder cannot show it. Fields are matched to {@code known}
     * by rule name (ignoring case); an unknown field keeps its name, typed by its value.
     */
    public static Optional<GroupRow> fromRule(Rule rule, Map<String, FieldChoice> known) {
        GroupRow root;
        try {
            root = switch (rule.root()) {
                case Rule.And a -> group(false, a.parts(), known);
                case Rule.Or o -> group(true, o.parts(), known);
                default -> group(false, List.of(rule.root()), known);
            };
        } catch (DoesNotFit e) {
            return Optional.empty();
        }
        return Optional.of(root);
    }

    private static GroupRow group(boolean any, List<Rule.Expr> parts, Map<String, FieldChoice> known) {
        GroupRow g = new GroupRow(any);
        for (Rule.Expr p : parts) {
            g.children().add(switch (p) {
                case Rule.And a -> group(false, a.parts(), known);
                case Rule.Or o -> group(true, o.parts(), known);
                case Rule.Not n -> throw new DoesNotFit();
                case Rule.Compare c -> row(c.operand(), c.op(), valueText(c.value()), c.value().isNumber(), known);
                case Rule.In in -> {
                    List<String> texts = new ArrayList<>();
                    for (Rule.Value v : in.values()) {
                        String t = valueText(v);
                        if (t.contains(",")) {
                            throw new DoesNotFit();
                        }
                        texts.add(t);
                    }
                    yield row(in.operand(), in.negated() ? "not in" : "in", String.join(", ", texts),
                            in.values().getFirst().isNumber(), known);
                }
                case Rule.Missing m -> row(m.operand(), m.negated() ? "is not missing" : "is missing", "", true,
                        known);
            });
        }
        return g;
    }

    private static String valueText(Rule.Value v) {
        if (v.isNumber()) {
            return v.text();
        }
        String s = (String) v.value();
        if (s.isEmpty() || !s.strip().equals(s)) {
            throw new DoesNotFit();
        }
        return s;
    }

    private static ConditionRow row(Rule.Operand operand, String op, String value, boolean numeric,
                                    Map<String, FieldChoice> known) {
        ConditionRow row = new ConditionRow();
        switch (operand) {
            case Rule.Field f -> {
                FieldChoice choice = known.get(f.text().toLowerCase(Locale.ROOT));
                row.fieldProperty().set(choice != null ? choice : new FieldChoice(f.text(),
                        numeric ? FieldChoice.Kind.NUMBER : FieldChoice.Kind.TEXT, ""));
            }
            case Rule.EventCount c -> {
                row.fieldProperty().set(FieldChoice.event(c.function()));
                for (Rule.EventFilter filter : c.filters()) {
                    if (!filter.value().strip().equals(filter.value()) || filter.value().isEmpty()) {
                        throw new DoesNotFit();
                    }
                    switch (filter.key()) {
                        case "type" -> row.typeProperty().set(filter.value());
                        case "category" -> row.categoryProperty().set(filter.value());
                        default -> row.deviceProperty().set(filter.value());
                    }
                }
                row.lastDaysProperty().set(c.lastDays() == null ? "" : Integer.toString(c.lastDays()));
            }
        }
        row.operatorProperty().set(op);
        row.valueProperty().set(value);
        return row;
    }

    private static Rule.Expr condition(ConditionRow row) {
        FieldChoice field = row.fieldProperty().get();
        String op = row.operatorProperty().get();
        if (field == null || op == null || !field.kind().operators().contains(op)) {
            return null;
        }
        Rule.Operand operand = operand(row, field);
        if (operand == null) {
            return null;
        }
        if (FieldChoice.isMissing(op)) {
            return new Rule.Missing(operand, op.equals("is not missing"));
        }
        String text = row.valueProperty().get() == null ? "" : row.valueProperty().get().strip();
        if (FieldChoice.isList(op)) {
            List<Rule.Value> values = new ArrayList<>();
            for (String part : text.split(",")) {
                Rule.Value v = value(part.strip(), field.kind());
                if (v == null) {
                    return null;
                }
                values.add(v);
            }
            return new Rule.In(operand, op.equals("not in"), values);
        }
        Rule.Value v = value(text, field.kind());
        return v == null ? null : new Rule.Compare(operand, op, v);
    }

    private static Rule.Operand operand(ConditionRow row, FieldChoice field) {
        if (field.kind() != FieldChoice.Kind.EVENT) {
            int dot = field.ruleName().indexOf('.');
            return dot < 0 ? new Rule.Field(null, field.ruleName(), 1)
                    : new Rule.Field(field.ruleName().substring(0, dot), field.ruleName().substring(dot + 1), 1);
        }
        List<Rule.EventFilter> filters = new ArrayList<>();
        if (field.ruleName().equals("events")) {
            filter(filters, "type", row.typeProperty().get());
        }
        filter(filters, "category", row.categoryProperty().get());
        filter(filters, "device", row.deviceProperty().get());
        String days = row.lastDaysProperty().get() == null ? "" : row.lastDaysProperty().get().strip();
        Integer lastDays = null;
        if (!days.isEmpty()) {
            try {
                lastDays = Integer.parseInt(days);
            } catch (NumberFormatException e) {
                return null;
            }
            if (lastDays < 1 || lastDays > 36_500) {
                return null;
            }
        }
        return new Rule.EventCount(field.ruleName(), filters, lastDays, 1);
    }

    private static void filter(List<Rule.EventFilter> filters, String key, String value) {
        if (value != null && !value.isBlank()) {
            filters.add(new Rule.EventFilter(key, value.strip()));
        }
    }

    private static Rule.Value value(String text, FieldChoice.Kind kind) {
        if (text.isEmpty()) {
            return null;
        }
        if (kind == FieldChoice.Kind.TEXT) {
            return new Rule.Value(text, 1);
        }
        try {
            double d = Double.parseDouble(text);
            return Double.isFinite(d) ? new Rule.Value(d + 0.0, 1) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The rule uses something the rows cannot show. */
    private static final class DoesNotFit extends RuntimeException {
        DoesNotFit() {
            super(null, null, false, false);
        }
    }
}
