package org.personaworkbench.engine.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.experiments.ExperimentDefinition.Breakdown;
import org.personaworkbench.engine.experiments.ExperimentDefinition.BreakdownKind;

import java.util.Locale;

/**
 * The stored JSON form of an {@link ExperimentDefinition}, written field by field with stable snake_case names so
 * saved experiments keep reading when the record gains fields (missing fields read as their defaults).
 */
final class DefinitionJson {

    static final String FORMAT = "persona-workbench/experiment";
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DefinitionJson() {
    }

    static String write(ExperimentDefinition d) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("format", FORMAT);
        json.put("version", VERSION);
        json.put("name", d.name());
        json.put("dataset", d.dataset());
        json.put("variant_column", d.variantColumn());
        json.put("control", d.control());
        json.put("conversion_column", d.conversionColumn());
        json.put("metric_column", d.metricColumn());
        json.put("covariate_column", d.covariateColumn());
        json.put("customer_column", d.customerColumn());
        json.put("users_column", d.usersColumn());
        json.put("metric_sum_column", d.metricSumColumn());
        json.put("metric_sum_squares_column", d.metricSumSquaresColumn());
        ObjectNode breakdown = json.putObject("breakdown");
        breakdown.put("kind", d.breakdown().kind().name().toLowerCase(Locale.ROOT));
        breakdown.put("source", d.breakdown().source());
        if (d.expectedSplit() == null) {
            json.putNull("expected_split");
        } else {
            ArrayNode split = json.putArray("expected_split");
            for (double w : d.expectedSplit()) {
                split.add(w);
            }
        }
        json.put("confidence", d.confidence());
        json.put("prior_alpha", d.priorAlpha());
        json.put("prior_beta", d.priorBeta());
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    static ExperimentDefinition read(String text) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new EngineException("A saved experiment is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new EngineException("A saved experiment is not a JSON object.");
        }
        JsonNode b = json.path("breakdown");
        BreakdownKind kind;
        try {
            kind = BreakdownKind.valueOf(b.path("kind").asText("none").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new EngineException("The saved experiment '" + text(json, "name") + "' has an unknown breakdown '"
                    + b.path("kind").asText() + "'.", e);
        }
        double[] split = null;
        JsonNode s = json.path("expected_split");
        if (s.isArray()) {
            split = new double[s.size()];
            for (int i = 0; i < split.length; i++) {
                split[i] = s.get(i).asDouble();
            }
        }
        return new ExperimentDefinition(text(json, "name"), text(json, "dataset"), text(json, "variant_column"),
                text(json, "control"), text(json, "conversion_column"), text(json, "metric_column"),
                text(json, "covariate_column"), text(json, "customer_column"), text(json, "users_column"),
                text(json, "metric_sum_column"), text(json, "metric_sum_squares_column"),
                kind == BreakdownKind.NONE ? Breakdown.NONE : new Breakdown(kind, text(b, "source")), split,
                json.path("confidence").asDouble(0.95), json.path("prior_alpha").asDouble(1),
                json.path("prior_beta").asDouble(1));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
