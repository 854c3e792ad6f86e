package org.personaworkbench.engine.rules;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Rule#text()} is the printer the visual builder and the text form share: printing any rule and parsing
 * the text gives back the same rule (positions aside), for the parser's corpus and for random rules.
 */
class RulePrinterTest {

    @Test
    void parsingThePrintedCorpusGivesTheSameRule() {
        List<String> corpus = new ArrayList<>(RuleSegmentsTest.CORPUS.keySet());
        corpus.addAll(List.of("a = 1 or b = 2 and c = 3", "(a = 1 or b = 2) and c = 3", "not (a = 1 or b = 2)",
                "not not a = 1", "x != -1.5", "x <> .5", "rfm.frequency > 5", "x >= 1e3", "x < 0.000123",
                "age is missing or age IS NOT MISSING", "country NOT IN (\"a\\\"b\", \"c\\\\d\")",
                "events(type = \"view\", device = \"mobile\", last 14 days) > 0", "events() > 2",
                "purchases(last 1 day) >= 1", "a = \"tab\\there\" and b = \"line\\nbreak\"",
                "((a = 1 and (b = 2 or c = 3)) or not (d in (1, 2) and e is missing))"));
        for (String text : corpus) {
            Rule rule = RuleSegments.parse(text);
            assertEquals(positionless(rule.root()), positionless(RuleSegments.parse(rule.text()).root()), text);
        }
    }

    @Test
    void randomRulesSurvivePrintingAndParsing() {
        Random random = new Random(20261123);
        for (int i = 0; i < 2_000; i++) {
            Rule.Expr expr = randomExpr(random, 0);
            String text = new Rule(expr).text();
            Rule parsed = RuleSegments.parse(text);
            assertEquals(expr, positionless(parsed.root()), text);
            assertEquals(text, parsed.text(), "printing is stable");
        }
    }

    /** The rule with every column set to 0, so equality compares structure and values only. */
    static Rule.Expr positionless(Rule.Expr e) {
        return switch (e) {
            case Rule.And a -> new Rule.And(a.parts().stream().map(RulePrinterTest::positionless).toList());
            case Rule.Or o -> new Rule.Or(o.parts().stream().map(RulePrinterTest::positionless).toList());
            case Rule.Not n -> new Rule.Not(positionless(n.inner()));
            case Rule.Compare c -> new Rule.Compare(operand(c.operand()), c.op(), value(c.value()));
            case Rule.In in -> new Rule.In(operand(in.operand()), in.negated(),
                    in.values().stream().map(RulePrinterTest::value).toList());
            case Rule.Missing m -> new Rule.Missing(operand(m.operand()), m.negated());
        };
    }

    private static Rule.Operand operand(Rule.Operand o) {
        return switch (o) {
            case Rule.Field f -> new Rule.Field(f.qualifier(), f.name(), 0);
            case Rule.EventCount c -> new Rule.EventCount(c.function(), c.filters(), c.lastDays(), 0);
        };
    }

    private static Rule.Value value(Rule.Value v) {
        return new Rule.Value(v.value(), 0);
    }

    // ---- random rules in the parser's canonical shape: and/or with two or more parts, never nested in kind ----

    private static final List<String> NAMES = List.of("age", "recency_days", "Country", "x1", "_t", "views_total");
    private static final List<String> OPS = List.of("=", "!=", "<", "<=", ">", ">=");

    private static Rule.Expr randomExpr(Random r, int depth) {
        int pick = depth > 3 ? 3 + r.nextInt(3) : r.nextInt(6);
        return switch (pick) {
            case 0 -> new Rule.And(parts(r, depth, Rule.And.class));
            case 1 -> new Rule.Or(parts(r, depth, Rule.Or.class));
            case 2 -> new Rule.Not(randomExpr(r, depth + 1));
            case 3 -> new Rule.Compare(randomOperand(r), OPS.get(r.nextInt(OPS.size())), randomValue(r));
            case 4 -> new Rule.In(randomOperand(r), r.nextBoolean(),
                    Stream.generate(() -> randomValue(r)).limit(1 + r.nextInt(3)).toList());
            default -> new Rule.Missing(randomOperand(r), r.nextBoolean());
        };
    }

    private static List<Rule.Expr> parts(Random r, int depth, Class<?> kind) {
        List<Rule.Expr> parts = new ArrayList<>();
        int n = 2 + r.nextInt(3);
        while (parts.size() < n) {
            Rule.Expr e = randomExpr(r, depth + 1);
            if (!kind.isInstance(e)) {
                parts.add(e);
            }
        }
        return parts;
    }

    private static Rule.Operand randomOperand(Random r) {
        if (r.nextInt(4) == 0) {
            String function = RuleFields.EVENT_FUNCTIONS.get(r.nextInt(4));
            List<Rule.EventFilter> filters = new ArrayList<>();
            if (function.equals("events") && r.nextBoolean()) {
                filters.add(new Rule.EventFilter("type", randomText(r)));
            }
            if (r.nextBoolean()) {
                filters.add(new Rule.EventFilter("category", randomText(r)));
            }
            if (r.nextBoolean()) {
                filters.add(new Rule.EventFilter("device", randomText(r)));
            }
            Integer days = r.nextBoolean() ? null : 1 + r.nextInt(400);
            return new Rule.EventCount(function, filters, days, 0);
        }
        String name = NAMES.get(r.nextInt(NAMES.size()));
        return new Rule.Field(r.nextInt(3) == 0 ? "rfm" : null, name, 0);
    }

    private static Rule.Value randomValue(Random r) {
        if (r.nextBoolean()) {
            return new Rule.Value(randomText(r), 0);
        }
        double v = switch (r.nextInt(4)) {
            case 0 -> r.nextInt(1000) - 500;
            case 1 -> Math.round(r.nextGaussian() * 1e6) / 1e4;
            case 2 -> r.nextDouble() * 1e-3;
            default -> r.nextGaussian() * 1e17;
        };
        return new Rule.Value(v + 0.0, 0);
    }

    private static String randomText(Random r) {
        String alphabet = "abcXYZ 09\"\\\t\néü,()=<>'";
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
