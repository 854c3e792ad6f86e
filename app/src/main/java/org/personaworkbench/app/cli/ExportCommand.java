package org.personaworkbench.app.cli;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.export.CampaignExport;
import org.personaworkbench.engine.export.ExportOptions;
import org.personaworkbench.engine.export.ExportResult;
import org.personaworkbench.engine.export.ExportSource;
import org.personaworkbench.engine.personas.Personas;
import org.personaworkbench.engine.rules.RuleSegments;
import org.personaworkbench.engine.rules.RuleSyntaxException;
import org.personaworkbench.engine.project.Project;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pwb export PROJECT --segmentation RUN [--persona P] --out FILE}: a saved segmentation run (or one persona's
 * members) as a campaign CSV (ids or salted hashes, segment, persona, chosen feature columns, seeded holdout flag),
 * written atomically.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a saved segmentation run as a campaign CSV: customer id (or salted SHA-256 hash), "
                + "segment, persona, chosen feature columns and an optional seeded holdout flag.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    ProjectArgs project;

    @Mixin
    OutputOptions output;

    @Option(names = "--segmentation", paramLabel = "RUN", description = "The saved segmentation run to export.")
    String segmentation;

    @Option(names = "--persona", paramLabel = "NAME_OR_SEGMENT",
            description = "With --segmentation: export only this persona's members (its name or segment number); "
                    + "segment and persona columns then hold the persona's name.")
    String persona;

    @Option(names = "--rule", paramLabel = "N",
            description = "The saved rule segment (or a rule's text) to export: its members, segment = the rule's name.")
    String rule;

    @Option(names = "--features", paramLabel = "F",
            description = "With --rule: the feature set --columns come from (default: the feature set of the rule's "
                    + "first field).")
    String features;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The CSV to write; an existing file is replaced only once the new one is complete.")
    Path out;

    @Option(names = "--columns", split = ",", paramLabel = "A,B",
            description = "Feature columns of the run's feature set to add, in this order.")
    List<String> columns;

    @Option(names = "--hash-ids", paramLabel = "SALT",
            description = "Write customer_id_hash = hex SHA-256 of the UTF-8 salt followed by the UTF-8 id.")
    String hashSalt;

    @Option(names = "--holdout", paramLabel = "SHARE",
            description = "Add a holdout column flagging exactly round(SHARE x rows) rows, for example 0.1.")
    Double holdout;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Seed of the holdout draw (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bom", description = "Start the file with a UTF-8 byte order mark, for Excel.")
    boolean bom;

    @Option(names = "--no-persona", description = "Leave out the persona column (each row's persona name; "
            + "empty when the run has no personas yet).")
    boolean noPersona;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (persona != null && segmentation == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--persona needs the run it belongs to: add --segmentation RUN.");
        }
        if (rule != null && segmentation != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Give either --segmentation RUN or --rule N, not both.");
        }
        if (segmentation == null && rule == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Name what to export: --segmentation RUN "
                    + "(a run saved with pwb segment fit --name RUN) or --rule N (a rule saved with pwb rule save).");
        }
        ExportOptions options;
        try {
            options = ExportOptions.to(out).withColumns(columns == null ? List.of() : columns)
                    .withHashSalt(hashSalt).withExcelBom(bom).withPersonaColumn(!noPersona);
            if (holdout != null) {
                options = options.withHoldout(holdout, seed);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        CliProgress progress = new CliProgress(spec.commandLine().getErr(), output.json);
        ExportResult result;
        try (Project open = project.open()) {
            CancellationToken cancel = CancellationToken.create();
            ExportSource source = persona != null
                    ? ExportSource.fromPersona(open, segmentation, personaSegment(open))
                    : segmentation != null ? ExportSource.fromRun(open, segmentation) : ruleSource(open, cancel);
            result = CampaignExport.write(open, source, options, progress, cancel);
        } finally {
            progress.finish();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", result.file().toString());
            doc.put("rows", result.rows());
            doc.put("holdout_rows", result.holdoutRows());
            doc.put("columns", result.columns());
            doc.put("sha256", result.sha256());
            doc.put("seconds", Math.round(result.seconds() * 1000) / 1000.0);
            stdout.println(Json.write(doc));
        } else {
            stdout.printf(Locale.ROOT, "Wrote %,d rows%s to %s in %.1f s%n  columns: %s%n  sha256 %s%n",
                    result.rows(), options.holdout() ? String.format(Locale.ROOT, " (%,d holdout)",
                            result.holdoutRows()) : "", result.file(), result.seconds(),
                    String.join(",", result.columns()), result.sha256());
        }
        return 0;
    }

    /** The segment of --persona: a saved persona's name (ignoring case) or a segment number. */
    private int personaSegment(Project open) {
        Map<Integer, String> names = Personas.names(open, segmentation);
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            if (e.getValue().equalsIgnoreCase(persona.strip())) {
                return e.getKey();
            }
        }
        try {
            return Integer.parseInt(persona.strip());
        } catch (NumberFormatException e) {
            throw new EngineException("The run '" + segmentation + "' has no persona named '" + persona + "'. "
                    + (names.isEmpty() ? "It has no personas yet: open them with pwb personas PROJECT --segmentation "
                    + segmentation + ", or give a segment number."
                    : "Its personas: " + String.join(", ", names.entrySet().stream()
                    .map(n -> n.getKey() + " \"" + n.getValue() + "\"").toList()) + "."));
        }
    }

    /** A rule segment's members, labelled with the rule's name, with --columns from --features or the rule's own. */
    private ExportSource ruleSource(Project open, CancellationToken cancel) {
        if (open.ruleSegment(rule).isEmpty()) {
            try {
                RuleSegments.parse(rule);
            } catch (RuleSyntaxException e) {
                List<String> names = open.ruleSegments().stream().map(r -> r.name()).toList();
                throw new EngineException("There is no saved rule segment named '" + rule + "' ("
                        + (names.isEmpty() ? "none saved yet: pwb rule save PROJECT --name N --rule \"…\""
                        : "saved: " + String.join(", ", names)) + "), and as a rule it does not read: "
                        + e.getMessage());
            }
        }
        List<String> ids = RuleSegments.members(open, rule, cancel);
        String featureSet = features;
        if (featureSet == null) {
            featureSet = RuleSegments.count(open, rule, cancel).fieldsUsed().stream()
                    .filter(f -> f.contains("."))
                    .map(f -> f.substring(0, f.indexOf('.')))
                    .filter(name -> open.featureSet(name).isPresent())
                    .findFirst().orElse(null);
        }
        if (featureSet == null && columns != null && !columns.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--columns needs a feature set: give --features F (list them with: pwb features list PROJECT).");
        }
        String label = open.ruleSegment(rule).map(r -> r.name()).orElse("rule");
        return new ExportSource("rule", label, ids, java.util.Collections.nCopies(ids.size(), label), featureSet);
    }
}
