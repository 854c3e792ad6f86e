package org.personaworkbench.app.shell;

import org.personaworkbench.app.common.Engine;
import org.personaworkbench.engine.samples.SampleProjects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * What the About dialog shows: the app's version (from the build's filtered {@code version.properties}), its
 * licence, the sample data's attributions and the third-party notices the build generates from the Maven
 * dependencies' licences ({@code THIRD-PARTY.txt}, license-maven-plugin).
 */
public final class AboutViewModel {

    static final String VERSION_RESOURCE = "/org/personaworkbench/app/version.properties";
    static final String THIRD_PARTY_RESOURCE = "/org/personaworkbench/app/THIRD-PARTY.txt";
    /** One line of THIRD-PARTY.txt: {@code (Licence) (Licence 2) Name (group:artifact:version - url)}. */
    private static final Pattern NOTICE = Pattern.compile("^\\s*((?:\\([^)]*\\)\\s*)+)(.+?)\\s+\\(([^ ]+)(?: - (.*))?\\)\\s*$");
    private static final Pattern LICENCE = Pattern.compile("\\(([^)]*)\\)");

    /** A library the app ships: its name, Maven coordinates, licences and home page. */
    public record ThirdParty(String name, String coordinates, List<String> licences, String url) {
    }

    /** A sample project's data and the attribution its licence asks for. */
    public record Attribution(String sample, String text) {
    }

    private final Engine engine;

    public AboutViewModel(Engine engine) {
        this.engine = engine;
    }

    public String name() {
        return tr("app.name");
    }

    /** The pom version the app was built from; "development" when run from classes without filtering. */
    public String version() {
        try (InputStream in = AboutViewModel.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return tr("about.version.unknown");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            return v.isBlank() || v.startsWith("${") ? tr("about.version.unknown") : v;
        } catch (IOException e) {
            return tr("about.version.unknown");
        }
    }

    public String licence() {
        return tr("about.licence");
    }

    /** The attribution of every sample project whose data needs one. */
    public List<Attribution> attributions() {
        List<Attribution> out = new ArrayList<>();
        for (SampleProjects.Sample s : engine.samples()) {
            SampleProjects.attribution(s.name()).ifPresent(text -> out.add(new Attribution(s.title(), text.strip())));
        }
        return out;
    }

    /** The libraries listed in the generated notices; empty when the build did not generate them. */
    public List<ThirdParty> thirdParty() {
        return parse(thirdPartyText());
    }

    /** The generated notices as they are, for the scrollable text area. */
    public String thirdPartyText() {
        try (InputStream in = AboutViewModel.class.getResourceAsStream(THIRD_PARTY_RESOURCE)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything in one text: name, version, licence and {@link #noticesText()}. */
    public String fullText() {
        return name() + ' ' + version() + "\n\n" + licence() + "\n\n" + noticesText();
    }

    /** The data attributions and third-party notices, for the dialog's scrollable area. */
    public String noticesText() {
        StringBuilder b = new StringBuilder();
        List<Attribution> attributions = attributions();
        if (!attributions.isEmpty()) {
            b.append(tr("about.attributions")).append("\n\n");
            attributions.forEach(a -> b.append(a.sample()).append(":\n").append(a.text()).append("\n\n"));
        }
        b.append(tr("about.thirdParty")).append("\n\n");
        List<ThirdParty> libs = thirdParty();
        if (libs.isEmpty()) {
            b.append(tr("about.thirdParty.missing")).append('\n');
        }
        libs.forEach(l -> b.append("• ").append(l.name()).append(" (").append(l.coordinates()).append(") — ")
                .append(String.join(", ", l.licences())).append(l.url().isBlank() ? "" : " — " + l.url()).append('\n'));
        return b.toString();
    }

    static List<ThirdParty> parse(String text) {
        List<ThirdParty> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher m = NOTICE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            List<String> licences = new ArrayList<>();
            Matcher l = LICENCE.matcher(m.group(1));
            while (l.find()) {
                licences.add(l.group(1).strip());
            }
            out.add(new ThirdParty(m.group(2).strip(), m.group(3), List.copyOf(licences),
                    m.group(4) == null ? "" : m.group(4).strip()));
        }
        return out;
    }
}
