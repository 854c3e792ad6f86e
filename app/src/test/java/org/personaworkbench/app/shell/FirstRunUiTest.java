package org.personaworkbench.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.engine.samples.SampleProjects;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.personaworkbench.app.shell.UiTestSupport.waitUntil;

/** First run in the real window: the Preferences dialog switches the theme live and the sample's guided tour. */
@ExtendWith(ApplicationExtension.class)
class FirstRunUiTest {

    private final UiTestSupport ui = new UiTestSupport();
    private final FakeEngine engine = new FakeEngine();

    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path dir;

    @Start
    void start(Stage stage) throws Exception {
        ui.samplesFolder = java.nio.file.Files.createTempDirectory(dir, "samples");
        engine.samples = List.of(new SampleProjects.Sample("demo-shop", "Demo shop", "A shop."));
        ui.show(stage, engine);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Theme.apply(false)).get();
        ui.close();
    }

    @Test
    void darkThemeInThePreferencesDialogRestylesTheAppAndIsRemembered(FxRobot robot) throws Exception {
        assertEquals(new PrimerLight().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        robot.clickOn("#content"); // focus the main window, then the Ctrl+, accelerator
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.COMMA)
                .release(javafx.scene.input.KeyCode.COMMA, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#preferencesDialog").tryQuery().isPresent());

        robot.clickOn("#prefsDarkTheme");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(new PrimerDark().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        assertTrue(ui.prefs.darkTheme());
        assertTrue(new AppPreferences(ui.node).darkTheme(), "persisted in the preferences node");
    }

    @Test
    void theDefaultSeedPreferenceSeedsSegmentsRecommendationsAndExportAndFollowsChanges(FxRobot robot) {
        robot.interact(() -> {
            ShellViewModel shell = new ShellViewModel(engine, ui.tasks, ui.dialogs, ui.prefs, dir);
            shell.defaultSeedProperty().set(7);
            WorkbenchViews views = WorkbenchViews.wire(engine, ui.tasks, ui.dialogs, shell);
            assertEquals(7, views.segments().seedProperty().get());
            assertEquals(7L, views.recommendations().seedProperty().get());
            assertEquals(7L, views.export().seedProperty().get());
            assertEquals(7L, views.recommendations().protocol().seed(), "the evaluation's split uses it");

            shell.defaultSeedProperty().set(2024);
            assertEquals(2024, views.segments().seedProperty().get());
            assertEquals(2024L, views.export().seedProperty().get());
            assertEquals(2024L, new AppPreferences(ui.node).defaultSeed());
        });
    }

    @Test
    void theNumberFormatPreferenceFormatsTableNumbersButNotExports(FxRobot robot) {
        java.util.Locale before = java.util.Locale.getDefault(java.util.Locale.Category.FORMAT);
        try {
            robot.interact(() -> ui.shell.numberLocaleProperty().set(NumberLocale.GERMAN));
            assertEquals("1.235", org.personaworkbench.app.common.Formats.number(1234.567));
            assertEquals("2,25", org.personaworkbench.app.common.Formats.number(2.25));
            assertEquals("12.345", org.personaworkbench.app.common.Formats.count(12345));
            assertEquals("0,5", org.personaworkbench.app.common.Formats.number(0.5));
            robot.interact(() -> ui.shell.numberLocaleProperty().set(NumberLocale.ENGLISH_US));
            assertEquals("12,345", org.personaworkbench.app.common.Formats.count(12345));
            assertEquals("0.5", org.personaworkbench.app.common.Formats.number(0.5));
            assertEquals("en-US", ui.node.get("format.locale", ""));
        } finally {
            robot.interact(() -> ui.shell.numberLocaleProperty().set(NumberLocale.SYSTEM));
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, before);
        }
    }

    @Test
    void openingASampleShowsTheFirstCalloutAndSkipHidesItForGood(FxRobot robot) throws Exception {
        robot.clickOn("#openSample-demo-shop");
        waitUntil(() -> robot.lookup("#tourCallout").tryQuery().map(Node::isVisible).orElse(false));

        assertEquals(Step.DATA, ui.shell.tour().current());
        Label text = robot.lookup("#tourText").queryAs(Label.class);
        assertTrue(text.getText().contains("datasets"), text.getText());
        assertTrue(text.getScene().getWindow().isShowing());

        robot.clickOn("#tourNext");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Step.FEATURES, ui.shell.selectedStepProperty().get());

        robot.clickOn("#tourSkip");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(text.getScene().getWindow().isShowing(), "skipped: the callout is gone");
        assertFalse(ui.shell.tour().running());
        assertTrue(ui.prefs.tourDismissed());
    }
}
