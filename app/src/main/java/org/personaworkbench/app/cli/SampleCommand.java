package org.personaworkbench.app.cli;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.personas.Personas;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.samples.SampleProjects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pwb sample list|build}: the sample projects shipped with the app, built into a project file. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "List the sample projects or build one into a ready project file.",
        subcommands = {SampleCommand.ListSamples.class, SampleCommand.Build.class})
final class SampleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the sample projects.")
    static final class ListSamples implements Callable<Integer> {

        @Mixin
        OutputOptions output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<SampleProjects.Sample> samples = SampleProjects.list();
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                out.println(Json.write(samples.stream().map(s -> {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("name", s.name());
                    doc.put("title", s.title());
                    doc.put("description", s.description());
                    return doc;
                }).toList()));
                return 0;
            }
            int width = samples.stream().mapToInt(s -> s.name().length()).max().orElse(4);
            for (SampleProjects.Sample s : samples) {
                out.printf(Locale.ROOT, "%-" + width + "s  %s: %s%n", s.name(), s.title(), s.description());
            }
            return 0;
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Build a sample into a new project file: its datasets, RFM features, a saved segmentation "
                    + "run with personas, a rule segment, a recommendation evaluation and an experiment.")
    static final class Build implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "The sample (see: pwb sample list).")
        String name;

        @Parameters(index = "1", paramLabel = "OUT", description = "The project file to create; '.mv.db' is added "
                + "when missing. It must not exist yet.")
        Path out;

        @Mixin
        OutputOptions output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            CliProgress progress = new CliProgress(spec.commandLine().getErr(), output.json);
            long start = System.nanoTime();
            Path file;
            try {
                file = SampleProjects.build(name, out, progress, CancellationToken.create());
            } finally {
                progress.finish();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> doc = summary(file);
            doc.put("seconds", Math.round(seconds * 1000) / 1000.0);
            PrintWriter stdout = spec.commandLine().getOut();
            if (output.json) {
                stdout.println(Json.write(doc));
            } else {
                stdout.printf(Locale.ROOT, "Built sample '%s' into %s in %.1f s%n", name, file, seconds);
                stdout.println("  datasets: " + doc.get("datasets"));
                stdout.println("  personas of run " + doc.get("run") + ": " + doc.get("personas"));
                stdout.println("  rule segments: " + doc.get("rules"));
                stdout.println("  evaluations: " + doc.get("evaluations") + "; experiments: " + doc.get("experiments"));
                stdout.println("Open it with: pwb gui " + file);
            }
            return 0;
        }

        private Map<String, Object> summary(Path file) {
            Map<String, Object> doc = new LinkedHashMap<>();
            try (Project p = new ProjectService().open(file, ProjectOptions.plain())) {
                doc.put("project", file.toString());
                Map<String, Long> datasets = new LinkedHashMap<>();
                for (DatasetInfo d : p.datasets()) {
                    datasets.put(d.name(), d.rows());
                }
                doc.put("datasets", datasets);
                List<String> personas = new ArrayList<>();
                String run = p.segmentationRuns().stream().map(SegmentationRunInfo::name).findFirst().orElse(null);
                if (run != null) {
                    Personas.names(p, run).forEach((segment, persona) -> personas.add(persona));
                }
                doc.put("run", run);
                doc.put("personas", personas);
                doc.put("rules", p.ruleSegments().stream().map(r -> r.name()).toList());
                doc.put("evaluations", List.copyOf(p.documents("evaluation").keySet()));
                doc.put("experiments", List.copyOf(p.documents("experiment").keySet()));
            }
            return doc;
        }
    }
}
