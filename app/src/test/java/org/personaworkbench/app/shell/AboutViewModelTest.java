package org.personaworkbench.app.shell;

import org.junit.jupiter.api.Test;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.engine.samples.SampleProjects;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The About dialog's content: the build's version, the licence, data attributions and generated notices. */
class AboutViewModelTest {

    private final FakeEngine engine = new FakeEngine();

    @Test
    void listsJavafxH2AndSmileWithTheLicencesTheBuildGeneratedFromTheirPoms() {
        List<AboutViewModel.ThirdParty> libs = new AboutViewModel(engine).thirdParty();

        assertTrue(libs.size() > 20, "expected the runtime dependencies, found " + libs.size());
        assertEquals(List.of("GPLv2+CE"), licencesOf(libs, "org.openjfx:javafx-controls:"));
        assertEquals(List.of("EPL 1.0", "MPL 2.0"), licencesOf(libs, "com.h2database:h2:"));
        assertEquals(List.of("GNU 3"), licencesOf(libs, "com.github.haifengl:smile-core:"));
        assertTrue(libs.stream().noneMatch(l -> l.coordinates().startsWith("org.personaworkbench")),
                "our own modules are not third-party");
        assertTrue(libs.stream().noneMatch(l -> l.coordinates().startsWith("org.junit")), "test libraries are not shipped");
    }

    @Test
    void showsThePomVersionTheLicenceAndTheRetailSamplesAttribution() {
        engine.samples = List.of(new SampleProjects.Sample("online-retail", "Online retail", "UCI"),
                new SampleProjects.Sample("demo-shop", "Demo shop", "synthetic"));
        AboutViewModel about = new AboutViewModel(engine);

        assertTrue(about.version().matches("\\d+\\.\\d+\\.\\d+.*"), about.version());
        assertTrue(about.licence().contains("GPL-3.0-or-later"));
        assertEquals(1, about.attributions().size(), "generated data needs no attribution");
        assertEquals("Online retail", about.attributions().getFirst().sample());
        assertTrue(about.attributions().getFirst().text().contains("CC BY 4.0"), about.attributions().getFirst().text());
        String text = about.fullText();
        assertTrue(text.contains("H2 Database Engine (com.h2database:h2:"), text);
        assertFalse(text.contains("not generated"));
    }

    @Test
    void parsesANoticeLineWithSeveralLicencesAndAUrl() {
        var libs = AboutViewModel.parse("""
                Lists of 2 third-party dependencies.
                     (EPL 1.0) (MPL 2.0) H2 Database Engine (com.h2database:h2:2.4.240 - https://h2database.com)
                     (MIT) Lib (a:b:1)
                """);
        assertEquals(List.of(new AboutViewModel.ThirdParty("H2 Database Engine", "com.h2database:h2:2.4.240",
                        List.of("EPL 1.0", "MPL 2.0"), "https://h2database.com"),
                new AboutViewModel.ThirdParty("Lib", "a:b:1", List.of("MIT"), "")), libs);
    }

    private static List<String> licencesOf(List<AboutViewModel.ThirdParty> libs, String coordinatesPrefix) {
        return libs.stream().filter(l -> l.coordinates().startsWith(coordinatesPrefix)).findFirst()
                .map(AboutViewModel.ThirdParty::licences).orElse(List.of("<missing " + coordinatesPrefix + ">"));
    }
}
