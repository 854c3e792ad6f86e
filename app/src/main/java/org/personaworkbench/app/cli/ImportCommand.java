package org.personaworkbench.app.cli;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.importing.BadRow;
import org.personaworkbench.engine.importing.BadRowPolicy;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnSpec;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.importing.CsvImporter;
import org.personaworkbench.engine.importing.CsvInspector;
import org.personaworkbench.engine.importing.CsvPreview;
import org.personaworkbench.engine.importing.FormatOverrides;
import org.personaworkbench.engine.importing.ImportOptions;
import org.personaworkbench.engine.importing.ImportResult;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pwb import PROJECT --csv FILE --name NAME}: detects the file's format, infers column types and
 * roles (overridable with {@code --type} and {@code --role}) and imports it as a new dataset in one
 * transaction. Bad rows fail the import unless {@code --skip-bad-rows} is given.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a CSV/TSV file (plain or .gz) as a new dataset.")
final class ImportCommand implements Callable<Integer> {

    private static final int JSON_REJECT_SAMPLE = 100;

    @Mixin
    ProjectArgs project;

    @Mixin
    OutputOptions output;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The CSV, TSV or .csv.gz file.")
    Path csv;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Name of the new dataset.")
    String name;

    @Option(names = "--delimiter", paramLabel = "C",
            description = "Field delimiter: a character or comma, tab, semicolon, pipe (detected when absent).")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "E",
            description = "Encoding, e.g. UTF-8, windows-1252, ISO-8859-1 (detected when absent).")
    String encoding;

    @Option(names = "--no-header", description = "The first line is data, not column names.")
    boolean noHeader;

    @Option(names = "--skip-bad-rows", description = "Skip rows that do not fit their column types.")
    boolean skipBadRows;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Save skipped rows to this CSV file.")
    Path rejects;

    @Option(names = "--type", paramLabel = "COLUMN=TYPE",
            description = "Override a column's type: integer, decimal, boolean, date, datetime, text.")
    Map<String, String> types = new LinkedHashMap<>();

    @Option(names = "--role", paramLabel = "COLUMN=ROLE",
            description = "Override a column's role: customer_id, item_id, timestamp, amount, quantity, price, "
                    + "category, text, variant, outcome, none.")
    Map<String, String> roles = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CliProgress progress = new CliProgress(spec.commandLine().getErr(), output.json);
        ImportResult result;
        try (Project p = project.open()) {
            CsvPreview preview = new CsvInspector().inspect(csv, overrides());
            List<ColumnSpec> specs = applyOverrides(preview.defaultSpecs());
            ImportOptions options = new ImportOptions(name, preview.format(), specs,
                    skipBadRows ? BadRowPolicy.SKIP : BadRowPolicy.FAIL, rejects);
            result = new CsvImporter().importFile(p, csv, options, progress, CancellationToken.create());
        } finally {
            progress.finish();
        }
        if (output.json) {
            out.println(Json.write(toJson(result)));
        } else {
            printText(out, result);
        }
        return 0;
    }

    private FormatOverrides overrides() {
        return new FormatOverrides(delimiter == null ? null : parseDelimiter(delimiter),
                encoding == null ? null : parseCharset(encoding), noHeader ? Boolean.FALSE : null);
    }

    static char parseDelimiter(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "comma", "," -> ',';
            case "tab", "\\t", "\t" -> '\t';
            case "semicolon", ";" -> ';';
            case "pipe", "|" -> '|';
            default -> {
                if (text.length() != 1) {
                    throw new EngineException("--delimiter '" + text
                            + "' is not one character. Use a character or comma, tab, semicolon, pipe.");
                }
                yield text.charAt(0);
            }
        };
    }

    private static Charset parseCharset(String text) {
        try {
            return Charset.forName(text);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new EngineException("--encoding '" + text
                    + "' is not an encoding this Java knows. Try UTF-8, windows-1252 or ISO-8859-1.");
        }
    }

    private List<ColumnSpec> applyOverrides(List<ColumnSpec> specs) {
        List<ColumnSpec> result = new ArrayList<>(specs);
        types.forEach((column, type) -> {
            int i = indexOf(result, column, "--type");
            ColumnType t = parseEnum(ColumnType.class, type, "--type " + column);
            result.set(i, result.get(i).withType(t, t == result.get(i).type() ? result.get(i).pattern() : null));
        });
        roles.forEach((column, role) -> {
            int i = indexOf(result, column, "--role");
            result.set(i, result.get(i).withRole(parseEnum(ColumnRole.class, role, "--role " + column)));
        });
        return result;
    }

    private int indexOf(List<ColumnSpec> specs, String column, String option) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new EngineException(option + ": the file " + csv + " has no column '" + column + "'. Its columns are: "
                + String.join(", ", specs.stream().map(ColumnSpec::name).toList()) + ".");
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String option) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E value : type.getEnumConstants()) {
                names.add(value.name().toLowerCase(Locale.ROOT));
            }
            throw new EngineException(option + ": '" + text + "' is not one of " + String.join(", ", names) + ".");
        }
    }

    static Map<String, Object> toJson(ImportResult r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dataset", r.dataset());
        doc.put("rows", r.rows());
        doc.put("columns", r.columns().stream().map(ImportCommand::columnJson).toList());
        doc.put("rejected", r.rejected());
        doc.put("seconds", r.seconds());
        doc.put("sha256", r.sha256());
        doc.put("rejectsFile", r.rejectsFile() == null ? null : r.rejectsFile().toString());
        doc.put("rejectedSample", r.rejectedSample().stream().limit(JSON_REJECT_SAMPLE).map(ImportCommand::badRowJson)
                .toList());
        return doc;
    }

    private static Map<String, Object> columnJson(DatasetColumn c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", c.name());
        doc.put("type", c.type().jsonName());
        doc.put("role", c.role().jsonName());
        return doc;
    }

    private static Map<String, Object> badRowJson(BadRow b) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("line", b.line());
        doc.put("column", b.column());
        doc.put("reason", b.reason());
        return doc;
    }

    private static void printText(PrintWriter out, ImportResult r) {
        out.printf("Imported %,d rows into '%s' (%d columns) in %.2f s; %,d rows rejected.%n",
                r.rows(), r.dataset(), r.columns().size(), r.seconds(), r.rejected());
        int width = r.columns().stream().mapToInt(c -> c.name().length()).max().orElse(6);
        for (DatasetColumn c : r.columns()) {
            out.printf("  %-" + width + "s  %-8s  %s%n", c.name(), c.type().jsonName(), c.role().jsonName());
        }
        r.rejectedSample().stream().limit(10).forEach(b -> out.println("  skipped line " + b.line() + ": " + b.reason()));
        if (r.rejectsFile() != null) {
            out.println("Rejected rows saved to " + r.rejectsFile());
        }
    }
}
