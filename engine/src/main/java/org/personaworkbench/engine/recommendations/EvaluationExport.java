package org.personaworkbench.engine.recommendations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.personaworkbench.engine.export.AtomicFiles;
import org.personaworkbench.engine.export.CsvCells;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes evaluation results with the protocol they were obtained under, so a figure never leaves the program without
 * its split, relevance threshold, candidate set, k and NDCG definition. CSV: one row per strategy and scope ("all",
 * "persona:NAME", "bucket:1-2|3-9|10+") with the protocol repeated in every row, text neutralised against
 * spreadsheet formulas ({@link CsvCells}); JSON: an array of reports nested as the CLI's {@code recommend eval}
 * prints them. Files are written through {@link AtomicFiles}, so a failed export leaves no partial file.
 */
public final class EvaluationExport {

    /** The CSV header, in column order. */
    public static final List<String> HEADER = List.of("algorithm", "scope", "users", "precision", "recall", "ndcg",
            "map", "hit_rate", "coverage", "novelty", "diversity", "train_seconds", "recommend_ms_p50",
            "recommend_ms_p99", "split", "split_parameter", "seed", "relevance_threshold", "k", "candidates",
            "ndcg_definition", "min_train_interactions");

    /** The scope of the figures over every evaluated user. */
    public static final String ALL = "all";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The two file formats; chosen by the file's extension. */
    public enum Format {
        CSV, JSON;

        /** The format named by {@code file}'s extension (.csv or .json, any case). */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            throw new IllegalArgumentException("Export evaluation results to a .csv or .json file, not '"
                    + file.getFileName() + "'.");
        }
    }

    private EvaluationExport() {
    }

    /** Writes {@code reports} to {@code target} in the format its extension names, replacing the file. */
    public static void write(List<EvaluationReport> reports, Path target) {
        write(reports, target, Format.of(target));
    }

    /** Writes {@code reports} to {@code target} as {@code format}, replacing the file. */
    public static void write(List<EvaluationReport> reports, Path target, Format format) {
        Objects.requireNonNull(reports, "reports");
        String text = format == Format.CSV ? csv(reports) : json(reports);
        AtomicFiles.write(target, out -> out.write(text));
    }

    /** The CSV text: header and one row per strategy and scope, CRLF line ends. */
    public static String csv(List<EvaluationReport> reports) {
        StringBuilder out = new StringBuilder(4096);
        out.append(String.join(",", HEADER)).append("\r\n");
        for (EvaluationReport r : reports) {
            row(out, r, ALL, r.metrics());
            r.perPersona().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> row(out, r, "persona:" + e.getKey(), e.getValue()));
            for (String bucket : Evaluation.BUCKETS) {
                Metrics m = r.perBucket().get(bucket);
                if (m != null) {
                    row(out, r, "bucket:" + bucket, m);
                }
            }
        }
        return out.toString();
    }

    /** The JSON text: an array with one {@link #document} per report. */
    public static String json(List<EvaluationReport> reports) {
        List<Map<String, Object>> docs = new ArrayList<>(reports.size());
        for (EvaluationReport r : reports) {
            docs.add(document(r));
        }
        try {
            return MAPPER.writeValueAsString(docs) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the evaluation as JSON", e);
        }
    }

    /**
     * One report as nested fields: algorithm, protocol, metrics, per_bucket, per_persona (when any), train_seconds,
     * recommend_ms_p50, recommend_ms_p99. Undefined figures (no users in a group) are null.
     */
    public static Map<String, Object> document(EvaluationReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("algorithm", report.algorithm().word());
        doc.put("protocol", protocol(report.protocol()));
        doc.put("metrics", metrics(report.metrics()));
        doc.put("per_bucket", perBucket(report));
        if (!report.perPersona().isEmpty()) {
            doc.put("per_persona", perPersona(report));
        }
        doc.put("train_seconds", report.trainSeconds());
        doc.put("recommend_ms_p50", report.recommendMsP50());
        doc.put("recommend_ms_p99", report.recommendMsP99());
        return doc;
    }

    /** The protocol's fields under the names the CSV header and the CLI JSON use. */
    public static Map<String, Object> protocol(EvaluationProtocol p) {
        Map<String, Object> protocol = new LinkedHashMap<>();
        protocol.put("split", p.split().name().toLowerCase(Locale.ROOT));
        protocol.put("split_parameter", p.splitParameter());
        protocol.put("seed", p.seed());
        protocol.put("relevance_threshold", p.relevanceThreshold());
        protocol.put("k", p.k());
        protocol.put("candidates", p.candidates());
        protocol.put("ndcg_definition", p.ndcgDefinition());
        protocol.put("min_train_interactions", p.minTrainInteractions());
        return protocol;
    }

    /** One group's figures; NaN (no users) as null since JSON has no NaN. */
    public static Map<String, Object> metrics(Metrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("precision", finite(m.precision()));
        out.put("recall", finite(m.recall()));
        out.put("ndcg", finite(m.ndcg()));
        out.put("map", finite(m.map()));
        out.put("hit_rate", finite(m.hitRate()));
        out.put("coverage", finite(m.coverage()));
        out.put("novelty", finite(m.novelty()));
        out.put("diversity", finite(m.diversity()));
        out.put("users", m.users());
        return out;
    }

    /** Buckets in their natural order ("1-2", "3-9", "10+"). */
    public static Map<String, Object> perBucket(EvaluationReport report) {
        Map<String, Object> buckets = new LinkedHashMap<>();
        for (String bucket : Evaluation.BUCKETS) {
            Metrics m = report.perBucket().get(bucket);
            if (m != null) {
                buckets.put(bucket, metrics(m));
            }
        }
        return buckets;
    }

    /** Personas by name. */
    public static Map<String, Object> perPersona(EvaluationReport report) {
        Map<String, Object> personas = new LinkedHashMap<>();
        report.perPersona().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> personas.put(e.getKey(), metrics(e.getValue())));
        return personas;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void row(StringBuilder out, EvaluationReport r, String scope, Metrics m) {
        EvaluationProtocol p = r.protocol();
        List<String> cells = List.of(
                CsvCells.text(r.algorithm().word()),
                CsvCells.text(scope),
                Integer.toString(m.users()),
                CsvCells.number(m.precision(), false),
                CsvCells.number(m.recall(), false),
                CsvCells.number(m.ndcg(), false),
                CsvCells.number(m.map(), false),
                CsvCells.number(m.hitRate(), false),
                CsvCells.number(m.coverage(), false),
                CsvCells.number(m.novelty(), false),
                CsvCells.number(m.diversity(), false),
                CsvCells.number(r.trainSeconds(), false),
                CsvCells.number(r.recommendMsP50(), false),
                CsvCells.number(r.recommendMsP99(), false),
                CsvCells.text(p.split().name().toLowerCase(Locale.ROOT)),
                CsvCells.number(p.splitParameter(), false),
                Long.toString(p.seed()),
                CsvCells.number(p.relevanceThreshold(), false),
                Integer.toString(p.k()),
                CsvCells.text(p.candidates()),
                CsvCells.text(p.ndcgDefinition()),
                Integer.toString(p.minTrainInteractions()));
        out.append(String.join(",", cells)).append("\r\n");
    }
}
