package org.personaworkbench.app.common;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Layering of the desktop app: view models stay testable without a scene, common code knows no screen. */
class UiArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.personaworkbench.app");

    @Test
    void viewModelsDoNotTouchScenesStagesOrDialogs() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.fxml..", "atlantafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void viewModelsRunEngineWorkOnlyThroughTheEngineFacade() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.personaworkbench.engine.importing.CsvImporter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.personaworkbench.engine.importing.CsvInspector")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.personaworkbench.engine.profile.Profiler")
                .check(classes);
    }

    @Test
    void commonCodeKnowsNoScreen() {
        noClasses().that().resideInAPackage("org.personaworkbench.app.common..")
                .should().dependOnClassesThat().resideInAnyPackage("org.personaworkbench.app.shell..",
                        "org.personaworkbench.app.data..", "org.personaworkbench.app.cli..")
                .check(classes);
    }

    @Test
    void theDataScreenDoesNotReachIntoShellViews() {
        noClasses().that().resideInAPackage("org.personaworkbench.app.data..")
                .should().dependOnClassesThat().haveNameMatching("org\\.personaworkbench\\.app\\.shell\\..*View")
                .check(classes);
    }
}
