package org.personaworkbench.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering rules from the design notes, checked on the compiled classes of engine and app (JavaFX is
 * on this module's class path, so a stray javafx import in the engine would be caught here).
 */
@AnalyzeClasses(packages = "org.personaworkbench", importOptions = ArchitectureTest.ProductionClassesOnly.class)
class ArchitectureTest {

    /** Skips compiled tests wherever the build puts them (any build folder's test-classes). */
    static final class ProductionClassesOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule engineDoesNotDependOnJavaFx = noClasses().that()
            .resideInAPackage("org.personaworkbench.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("the engine is pure Java: the CLI and tests run it without a toolkit");

    @ArchTest
    static final ArchRule engineDoesNotDependOnTheApp = noClasses().that()
            .resideInAPackage("org.personaworkbench.engine..")
            .should().dependOnClassesThat().resideInAPackage("org.personaworkbench.app..")
            .because("data flows one way: the app calls the engine, never the reverse");

    @ArchTest
    static final ArchRule screensDoNotReachIntoEachOther = slices()
            .matching("org.personaworkbench.app.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAnyPackage("org.personaworkbench.app.shell..", "org.personaworkbench.app.cli.."),
                    alwaysTrue())
            .ignoreDependency(alwaysTrue(), resideInAPackage("org.personaworkbench.app.common.."))
            .because("each screen talks to its own view model and the engine; the shell composes screens");

    @ArchTest
    static final ArchRule noStaticMutableState = fields().that().areStatic()
            .and().areDeclaredInClassesThat().resideInAPackage("org.personaworkbench..")
            .should().beFinal()
            .because("static mutable state makes runs depend on each other");

    @ArchTest
    static final ArchRule engineDoesNotUseSystemOut = noClasses().that()
            .resideInAPackage("org.personaworkbench.engine..")
            .should().accessField(System.class, "out")
            .because("the engine reports through Progress and exceptions; stdout belongs to the CLI's JSON");
}
