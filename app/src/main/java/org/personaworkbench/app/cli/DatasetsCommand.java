package org.personaworkbench.app.cli;

import org.personaworkbench.engine.project.DatasetInfo;
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

/** {@code pwb datasets PROJECT}: lists the datasets with their row and column counts. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the project's datasets with row and column counts.")
final class DatasetsCommand implements Callable<Integer> {

    @Mixin
    ProjectArgs project;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<DatasetInfo> datasets = project.read(Project::datasets);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(Json.write(datasets.stream().map(DatasetsCommand::toJson).toList()));
        } else if (datasets.isEmpty()) {
            out.println("No datasets yet. Import one with: pwb import " + project.project + " --csv FILE --name NAME");
        } else {
            int width = Math.max(7, datasets.stream().mapToInt(d -> d.name().length()).max().orElse(7));
            out.printf("%-" + width + "s %12s %8s%n", "DATASET", "ROWS", "COLUMNS");
            for (DatasetInfo d : datasets) {
                out.printf("%-" + width + "s %,12d %8d%n", d.name(), d.rows(), d.columns().size());
            }
        }
        return 0;
    }

    private static Map<String, Object> toJson(DatasetInfo d) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", d.name());
        doc.put("rows", d.rows());
        doc.put("columns", d.columns().size());
        doc.put("createdAt", d.createdAt() == null ? null : d.createdAt().toString());
        return doc;
    }
}
