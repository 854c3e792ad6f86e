package org.personaworkbench.app.cli;

import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.personas.Persona;
import org.personaworkbench.engine.personas.PersonaExports;
import org.personaworkbench.engine.personas.PersonaFigures;
import org.personaworkbench.engine.personas.Personas;
import org.personaworkbench.engine.project.Project;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code pwb personas PROJECT --segmentation RUN}: the run's personas (drafted and saved the first time), as a
 * table or as JSON, with exports of a deck, one card (PDF or PNG) and JSON, and import of JSON into the run.
 */
@Command(name = "personas", mixinStandardHelpOptions = true,
        description = "Show the personas of a saved segmentation run (drafted and saved the first time), export them "
                + "as a PDF deck, a card (PDF/PNG) or JSON, or import JSON from another project into this run.")
final class PersonasCommand implements Callable<Integer> {

    @Mixin
    ProjectArgs project;

    @Mixin
    OutputOptions output;

    @Option(names = "--segmentation", required = true, paramLabel = "RUN",
            description = "The saved segmentation run (pwb segment fit --name RUN).")
    String run;

    @Option(names = "--deck", paramLabel = "FILE.pdf", description = "Write every persona card as one PDF deck.")
    Path deck;

    @Option(names = "--card", paramLabel = "SEGMENT",
            description = "The persona to write with --pdf or --png: its segment number or name.")
    String card;

    @Option(names = "--pdf", paramLabel = "FILE", description = "With --card: write the card as a one-page PDF.")
    Path pdf;

    @Option(names = "--png", paramLabel = "FILE", description = "With --card: write the card as a PNG image.")
    Path png;

    @Option(names = "--dpi", defaultValue = "144", paramLabel = "N",
            description = "Resolution of --png (default ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--export-json", paramLabel = "FILE",
            description = "Write the personas as JSON that --import-json (in any project) reads back.")
    Path exportJson;

    @Option(names = "--import-json", paramLabel = "FILE",
            description = "Before anything else, read personas from this JSON into the run: names, story, goal, "
                    + "colour, content map and notes by segment number; figures are recomputed from this project.")
    Path importJson;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if ((pdf != null || png != null) && card == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--pdf and --png write one card: say which with --card SEGMENT (a number or a persona name).");
        }
        if (card != null && pdf == null && png == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--card needs --pdf FILE or --png FILE to say where the card goes.");
        }
        String importText = null;
        if (importJson != null) {
            try {
                importText = Files.readString(importJson, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new EngineException("Cannot read " + importJson.toAbsolutePath() + ": " + e.getMessage() + ".",
                        e);
            }
        }
        List<Persona> personas;
        String runName;
        String title;
        List<String> wrote = new ArrayList<>();
        try (Project open = project.open()) {
            runName = open.segmentationRun(run).map(r -> r.name()).orElse(run);
            if (importText != null) {
                int n = Personas.importJson(open, run, importText).size();
                wrote.add("Imported " + n + (n == 1 ? " persona" : " personas") + " from " + importJson);
            }
            personas = Personas.open(open, run);
            String file = open.file().getFileName().toString();
            title = file.replaceFirst("\\.mv\\.db$", "") + " — " + runName;
        }
        if (deck != null) {
            PersonaExports.deckPdf(title, personas, deck);
            wrote.add("Wrote a deck of " + (personas.size() + 1) + " pages to " + deck.toAbsolutePath());
        }
        if (card != null) {
            Persona chosen = find(personas, card);
            if (pdf != null) {
                PersonaExports.cardPdf(chosen, pdf);
                wrote.add("Wrote the card of '" + chosen.name() + "' to " + pdf.toAbsolutePath());
            }
            if (png != null) {
                try {
                    PersonaExports.cardPng(chosen, png, dpi);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
                wrote.add("Wrote the card of '" + chosen.name() + "' to " + png.toAbsolutePath());
            }
        }
        if (exportJson != null) {
            PersonaExports.text(PersonaExports.json(personas), exportJson);
            wrote.add("Wrote " + personas.size() + " personas as JSON to " + exportJson.toAbsolutePath());
        }

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter notes = output.json ? spec.commandLine().getErr() : out;
        wrote.forEach(notes::println);
        notes.flush();
        if (output.json) {
            out.println(PersonaExports.runJson(runName, personas));
        } else {
            table(out, runName, personas);
        }
        out.flush();
        return 0;
    }

    /** The persona with this segment number or name (ignoring case). */
    static Persona find(List<Persona> personas, String which) {
        String wanted = which.strip();
        for (Persona p : personas) {
            if (Integer.toString(p.segment()).equals(wanted) || p.name().equalsIgnoreCase(wanted)) {
                return p;
            }
        }
        List<String> known = personas.stream().map(p -> p.segment() + " \"" + p.name() + "\"").toList();
        throw new EngineException("The run has no persona '" + which + "'. Its personas: " + String.join(", ", known)
                + ".");
    }

    private static void table(PrintWriter out, String run, List<Persona> personas) {
        out.printf(Locale.ROOT, "Personas of run %s%n", run);
        out.printf(Locale.ROOT, "%-4s %-34s %-11s %9s %6s %8s %9s %8s  %s%n", "SEG", "NAME", "GOAL", "CUSTOMERS",
                "SHARE", "REVENUE", "AOV", "RECENCY", personas.isEmpty() ? "TOP CATEGORIES"
                        : personas.getFirst().figures().topCategoriesHeading().toUpperCase(Locale.ROOT));
        for (Persona p : personas) {
            PersonaFigures f = p.figures();
            String name = p.name().length() > 34 ? p.name().substring(0, 33) + "…" : p.name();
            out.printf(Locale.ROOT, "%-4d %-34s %-11s %,9d %6s %8s %9s %8s  %s%n", p.segment(), name,
                    p.goal().label(), f.size(), percent(f.customerShare()), percent(f.revenueShare()),
                    Double.isFinite(f.averageOrderValue()) ? String.format(Locale.ROOT, "%.2f", f.averageOrderValue())
                            : "-",
                    Double.isFinite(f.recencyDays()) ? String.format(Locale.ROOT, "%.0f d", f.recencyDays()) : "-",
                    String.join(", ", f.topCategories()));
        }
        for (Persona p : personas) {
            out.printf(Locale.ROOT, "%n%d %s: %s%n", p.segment(), p.name(), p.summary());
            for (String trait : p.traits()) {
                out.println("  - " + trait);
            }
        }
    }

    private static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "-";
    }
}
