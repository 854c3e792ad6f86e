package org.personaworkbench.engine.personas;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.personaworkbench.engine.common.EngineException;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON form of personas, written field by field with stable snake_case names so the stored documents and
 * exports do not change when the records do. Figures that are not numbers (NaN) are written as {@code null} and
 * read back as NaN. A persona is stored in the project as one such object; an export wraps a list in
 * {@code {"format": "persona-workbench/personas", "version": 1, "personas": [...]}}.
 * <p>
 * Reading an export keeps the line and column of every value (Jackson's tree does not), so a file that is not a
 * personas export is rejected with a message that says where.
 */
final class PersonaJson {

    static final String FORMAT = "persona-workbench/personas";
    static final int VERSION = 1;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PersonaJson() {
    }

    /** One persona as a JSON object. */
    static ObjectNode node(Persona p) {
        ObjectNode json = NODES.objectNode();
        json.put("run", p.run());
        json.put("segment", p.segment());
        json.put("name", p.name());
        json.put("initials", p.initials());
        json.put("summary", p.summary());
        json.put("description", p.description());
        json.put("goals", p.goals());
        json.put("pain_points", p.painPoints());
        json.put("channels", p.channels());
        json.put("quote", p.quote());
        json.put("goal", p.goal().name().toLowerCase(Locale.ROOT));
        json.put("goal_label", p.goal().label());
        json.put("color", p.color());
        ObjectNode figures = json.putObject("figures");
        PersonaFigures f = p.figures();
        figures.put("size", f.size());
        number(figures, "customer_share", f.customerShare());
        number(figures, "revenue_share", f.revenueShare());
        number(figures, "average_order_value", f.averageOrderValue());
        number(figures, "recency_days", f.recencyDays());
        number(figures, "orders_per_customer", f.ordersPerCustomer());
        ArrayNode categories = figures.putArray("top_categories");
        f.topCategories().forEach(categories::add);
        figures.put("category_field", f.categoryField());
        ArrayNode traits = json.putArray("traits");
        p.traits().forEach(traits::add);
        ArrayNode content = json.putArray("content_map");
        for (ContentRow row : p.contentMap()) {
            ObjectNode r = content.addObject();
            r.put("content_type", row.contentType());
            r.put("messaging_focus", row.messagingFocus());
            r.put("channel", row.channel());
        }
        ArrayNode notes = json.putArray("notes");
        for (StickyNote note : p.notes()) {
            ObjectNode n = notes.addObject();
            n.put("text", note.text());
            n.put("created_at", note.createdAt().toString());
        }
        json.put("updated_at", p.updatedAt().toString());
        return json;
    }

    /** The stored document of one persona (compact). */
    static String document(Persona p) {
        return write(MAPPER, node(p));
    }

    /** The export document of a list of personas (pretty-printed). */
    static String export(List<Persona> personas) {
        ObjectNode json = NODES.objectNode();
        json.put("format", FORMAT);
        json.put("version", VERSION);
        ArrayNode list = json.putArray("personas");
        personas.forEach(p -> list.add(node(p)));
        return write(PRETTY, json);
    }

    /** {@code {"run": run, "personas": [...]}}, pretty-printed (the CLI's {@code --json}). */
    static String runDocument(String run, List<Persona> personas) {
        ObjectNode json = NODES.objectNode();
        json.put("run", run);
        ArrayNode list = json.putArray("personas");
        personas.forEach(p -> list.add(node(p)));
        return write(PRETTY, json);
    }

    /**
     * Reads a stored persona document.
     *
     * @throws EngineException when it is damaged
     */
    static Persona readDocument(String json) {
        Located doc = parse(json, "The persona stored in the project");
        return persona(doc, doc.root, "The persona stored in the project", false);
    }

    /**
     * Reads an export written by {@link #export}.
     *
     * @throws EngineException when the text is not JSON or not a personas export, naming line and column
     */
    static List<Persona> readExport(String json) {
        String what = "The personas file";
        Located doc = parse(json, what);
        if (!doc.root.isObject()) {
            throw doc.error(doc.root, null, what + " must be a JSON object with \"format\": \"" + FORMAT
                    + "\"; it starts with something else");
        }
        JsonNode format = doc.root.get("format");
        if (format == null || !FORMAT.equals(format.asText())) {
            throw doc.error(doc.root, format == null ? null : "format", what + " is not a personas export: expected "
                    + "\"format\": \"" + FORMAT + "\"" + (format == null ? " in its first object" : ", found "
                    + format));
        }
        JsonNode version = doc.root.get("version");
        if (version == null || !version.canConvertToInt() || version.asInt() < 1 || version.asInt() > VERSION) {
            throw doc.error(doc.root, version == null ? null : "version", what + " has personas format version "
                    + (version == null ? "(none)" : version.toString()) + "; this version of Persona Workbench reads "
                    + "version " + VERSION);
        }
        JsonNode list = doc.root.get("personas");
        if (list == null || !list.isArray()) {
            throw doc.error(doc.root, list == null ? null : "personas", what + " needs a \"personas\" list");
        }
        List<Persona> out = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isObject()) {
                throw doc.error(item, null, "Each entry of \"personas\" must be an object");
            }
            out.add(persona(doc, item, what, true));
        }
        return out;
    }

    /** One persona object; an import needs a name, a stored persona may have been saved with its name cleared. */
    private static Persona persona(Located doc, JsonNode json, String what, boolean nameRequired) {
        JsonNode segment = json.get("segment");
        if (segment == null || !segment.canConvertToInt() || !segment.isIntegralNumber() || segment.asInt() < 0) {
            throw doc.error(json, segment == null ? null : "segment", what + ": a persona needs \"segment\", a "
                    + "segment number (0, 1, …)");
        }
        JsonNode name = json.get("name");
        if (name == null || !name.isTextual() || (nameRequired && name.asText().isBlank())) {
            throw doc.error(json, name == null ? null : "name", what + ": persona " + segment.asInt()
                    + " needs a \"name\"");
        }
        ActionableGoal goal = ActionableGoal.RETAIN;
        JsonNode goalNode = json.get("goal");
        if (goalNode != null && !goalNode.isNull()) {
            try {
                goal = ActionableGoal.valueOf(goalNode.asText().strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw doc.error(json, "goal", what + ": persona " + segment.asInt() + " has the goal "
                        + goalNode + "; use one of upsell, cross_sell, retain, win_back, onboard");
            }
        }
        String color = text(json, "color");
        if (!COLOR.matcher(color).matches()) {
            if (!color.isEmpty()) {
                throw doc.error(json, "color", what + ": persona " + segment.asInt() + " has the colour \"" + color
                        + "\"; write it as #rrggbb");
            }
            color = PersonaColors.of(segment.asInt());
        }
        JsonNode f = json.path("figures");
        List<String> categories = new ArrayList<>();
        f.path("top_categories").forEach(c -> categories.add(c.asText()));
        PersonaFigures figures = new PersonaFigures(f.path("size").asLong(0), number(f.get("customer_share")),
                number(f.get("revenue_share")), number(f.get("average_order_value")), number(f.get("recency_days")),
                number(f.get("orders_per_customer")), categories, f.path("category_field").asText(null));
        List<String> traits = new ArrayList<>();
        json.path("traits").forEach(t -> traits.add(t.asText()));
        List<ContentRow> content = new ArrayList<>();
        for (JsonNode row : json.path("content_map")) {
            content.add(new ContentRow(text(row, "content_type"), text(row, "messaging_focus"), text(row, "channel")));
        }
        List<StickyNote> notes = new ArrayList<>();
        for (JsonNode note : json.path("notes")) {
            notes.add(new StickyNote(text(note, "text"), instant(doc, note, "created_at", what)));
        }
        return new Persona(text(json, "run"), segment.asInt(), name.asText().strip(), text(json, "summary"),
                text(json, "description"), text(json, "goals"), text(json, "pain_points"), text(json, "channels"),
                text(json, "quote"), goal, color.toLowerCase(Locale.ROOT), figures, traits, content, notes,
                instant(doc, json, "updated_at", what));
    }

    private static Instant instant(Located doc, JsonNode json, String field, String what) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw doc.error(json, field, what + ": \"" + field + "\" must be a time such as 2026-11-23T10:15:30Z, "
                    + "not " + value);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static double number(JsonNode node) {
        return node == null || !node.isNumber() ? Double.NaN : node.asDouble();
    }

    private static String write(ObjectMapper mapper, JsonNode json) {
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    /** A parsed tree with the location of every object and of every field's value. */
    private record Located(JsonNode root, Map<JsonNode, JsonLocation> starts,
                           Map<JsonNode, Map<String, JsonLocation>> fields) {

        EngineException error(JsonNode node, String field, String message) {
            JsonLocation at = null;
            if (field != null && fields.containsKey(node)) {
                at = fields.get(node).get(field);
            }
            if (at == null) {
                at = starts.get(node);
            }
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return new EngineException(message + where + ".");
        }
    }

    private static Located parse(String text, String what) {
        Map<JsonNode, JsonLocation> starts = new IdentityHashMap<>();
        Map<JsonNode, Map<String, JsonLocation>> fields = new IdentityHashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(text == null ? "" : text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new EngineException(what + " is empty: expected a JSON object with \"format\": \"" + FORMAT
                        + "\".");
            }
            JsonNode root = value(parser, starts, fields);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new EngineException(what + " has more text after its JSON document (line " + at.getLineNr()
                        + ", column " + at.getColumnNr() + ").");
            }
            return new Located(root, starts, fields);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new EngineException(what + " is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ".", e);
        } catch (IOException e) {
            throw new EngineException(what + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Reads the value at the parser's current token into a node, recording where objects and fields start. */
    private static JsonNode value(JsonParser parser, Map<JsonNode, JsonLocation> starts,
                                  Map<JsonNode, Map<String, JsonLocation>> fields) throws IOException {
        JsonToken token = parser.currentToken();
        JsonLocation at = parser.currentTokenLocation();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                starts.put(object, at);
                Map<String, JsonLocation> where = new HashMap<>();
                fields.put(object, where);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    where.put(name, parser.currentTokenLocation());
                    object.set(name, value(parser, starts, fields));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                starts.put(array, at);
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, starts, fields));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseProblem(parser, "unexpected " + token);
        }
    }

    /** A structural surprise while walking the tokens, reported like Jackson's own errors. */
    private static final class JsonParseProblem extends JsonProcessingException {
        JsonParseProblem(JsonParser parser, String message) {
            super(message, parser.currentTokenLocation());
        }
    }
}
