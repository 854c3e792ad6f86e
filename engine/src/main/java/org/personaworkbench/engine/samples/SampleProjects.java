package org.personaworkbench.engine.samples;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The sample projects shipped with the app: each is a folder of {@code sample-projects/} (source data, README,
 * {@code recipe.properties}) packaged as classpath resources, turned into a ready project file by running its
 * recipe through the same engine services the CLI and the app use (see {@link SampleRecipe}). Nothing binary is
 * shipped: the project is built on the user's machine.
 */
public final class SampleProjects {

    /** Where the sample folders sit on the classpath (the engine jar's resources). */
    static final String RESOURCE_ROOT = "projects/";
    /** The index of sample names, one a line, in {@code sample-projects/}. */
    static final String INDEX = "samples.list";
    static final String RECIPE = "recipe.properties";

    /** One sample: its folder name, title and a one-line description (from its recipe). */
    public record Sample(String name, String title, String description) {
    }

    private SampleProjects() {
    }

    /** The samples packaged with the app, in the order of the index. */
    public static List<Sample> list() {
        return list(null);
    }

    /**
     * The samples in {@code samplesRoot} (a {@code sample-projects} folder), or on the classpath when it is null.
     *
     * @throws EngineException when the index or a recipe is missing
     */
    public static List<Sample> list(Path samplesRoot) {
        Source source = new Source(samplesRoot);
        List<Sample> out = new ArrayList<>();
        for (String line : source.text(INDEX).split("\\R")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                Properties recipe = source.properties(name + "/" + RECIPE);
                out.add(new Sample(name, recipe.getProperty("title", name), recipe.getProperty("description", "")));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The attribution a packaged sample's data requires (its {@code ATTRIBUTION.txt}, for the About dialog), or
     * empty when its data needs none (generated data).
     */
    public static java.util.Optional<String> attribution(String name) {
        try (InputStream in = SampleProjects.class.getResourceAsStream(RESOURCE_ROOT + name + "/ATTRIBUTION.txt")) {
            return in == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new EngineException("Cannot read the attribution of sample '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Builds a packaged sample; see {@link #build(String, Path, Path, Progress, CancellationToken)}. */
    public static Path build(String name, Path out, Progress progress, CancellationToken cancel) {
        return build(name, null, out, progress, cancel);
    }

    /**
     * Creates the project file {@code out} ({@code .mv.db} is added when missing) and runs the sample's recipe
     * into it. When the build fails or is cancelled the half-built file is deleted.
     *
     * @param samplesRoot a {@code sample-projects} folder, or null for the packaged samples
     * @return the project file
     * @throws EngineException when the sample is unknown, {@code out} exists, or a step fails
     */
    public static Path build(String name, Path samplesRoot, Path out, Progress progress, CancellationToken cancel) {
        Source source = new Source(samplesRoot);
        List<String> names = list(samplesRoot).stream().map(Sample::name).toList();
        if (!names.contains(name)) {
            throw new EngineException("There is no sample named '" + name + "'. The samples are: "
                    + String.join(", ", names) + ".");
        }
        Path file = ProjectService.normalize(out.toAbsolutePath());
        if (Files.exists(file)) {
            throw new EngineException("The file " + file + " already exists. Choose another name or delete it first.");
        }
        Properties recipe = source.properties(name + "/" + RECIPE);
        Path work = null;
        boolean done = false;
        try {
            Files.createDirectories(file.getParent());
            work = Files.createTempDirectory("pwb-sample-");
            try (Project project = new ProjectService().create(file, ProjectOptions.plain())) {
                new SampleRecipe(recipe, name, source, work, project, progress, cancel).run();
            }
            done = true;
            return file;
        } catch (IOException e) {
            throw new EngineException("The sample '" + name + "' could not be built into " + file + ": "
                    + e.getMessage(), e);
        } finally {
            if (!done) {
                deleteProjectFiles(file);
            }
            deleteTree(work);
        }
    }

    /** Deletes a project file and the H2 side files beside it (a half-built sample). */
    public static void deleteProjectFiles(Path file) {
        String base = file.getFileName().toString().replaceFirst("\\.mv\\.db$", "");
        for (String suffix : List.of(".mv.db", ".trace.db", ".lock.db", ".temp.db")) {
            try {
                Files.deleteIfExists(file.resolveSibling(base + suffix));
            } catch (IOException ignored) {
                // best effort: a file we cannot delete is reported when the user builds again
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    /** Reads sample files from a folder or from the classpath. */
    static final class Source {
        private final Path root;

        Source(Path root) {
            this.root = root;
        }

        InputStream open(String relative) throws IOException {
            if (root != null) {
                return Files.newInputStream(root.resolve(relative));
            }
            InputStream in = SampleProjects.class.getResourceAsStream(RESOURCE_ROOT + relative);
            if (in == null) {
                throw new IOException("the packaged sample file " + relative + " is missing");
            }
            return in;
        }

        String text(String relative) {
            try (InputStream in = open(relative)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new EngineException("Cannot read the sample file " + relative + ": " + e.getMessage(), e);
            }
        }

        Properties properties(String relative) {
            Properties p = new Properties();
            try (InputStream in = open(relative); Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new EngineException("Cannot read the sample recipe " + relative + ": " + e.getMessage(), e);
            }
            return p;
        }

        /** Copies a sample file into {@code dir} (the importer reads files) and returns the copy. */
        Path copy(String relative, Path dir) {
            Path target = dir.resolve(Path.of(relative).getFileName().toString());
            try (InputStream in = open(relative)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new EngineException("Cannot read the sample file " + relative + ": " + e.getMessage(), e);
            }
            return target;
        }
    }
}
