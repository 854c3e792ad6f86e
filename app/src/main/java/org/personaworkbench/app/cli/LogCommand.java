package org.personaworkbench.app.cli;

import org.personaworkbench.engine.project.ImportLogEntry;
import org.personaworkbench.engine.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pwb log PROJECT}: the import log, newest first — which file became which dataset, and its SHA-256. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Show the import log: source file, SHA-256, time, rows read and rejected.")
final class LogCommand implements Callable<Integer> {

    @Mixin
    ProjectArgs project;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ImportLogEntry> log = project.read(Project::importLog);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(Json.write(log.stream().map(LogCommand::toJson).toList()));
            return 0;
        }
        if (log.isEmpty()) {
            out.println("Nothing was imported into this project yet.");
        }
        for (ImportLogEntry e : log) {
            out.printf("%s  %s  %,d rows read, %,d rejected%n  from %s%n  sha256 %s%n", e.importedAt(), e.dataset(),
                    e.rowsRead(), e.rowsRejected(), e.sourcePath(), e.sha256());
            if (e.rejectSummary() != null) {
                out.println("  " + e.rejectSummary());
            }
        }
        return 0;
    }

    private static Map<String, Object> toJson(ImportLogEntry e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dataset", e.dataset());
        doc.put("source", e.sourcePath());
        doc.put("sha256", e.sha256());
        doc.put("importedAt", e.importedAt() == null ? null : e.importedAt().toString());
        doc.put("rowsRead", e.rowsRead());
        doc.put("rowsRejected", e.rowsRejected());
        doc.put("rejectSummary", e.rejectSummary());
        return doc;
    }
}
