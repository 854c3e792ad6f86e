package org.personaworkbench.engine.importing;

import org.personaworkbench.engine.common.EngineException;

import java.nio.file.Path;

/**
 * Catches a wrong delimiter chosen by hand: when the chosen one leaves every line as a single field
 * while another candidate splits the lines evenly, the message says so and names the right one.
 */
final class DelimiterCheck {

    private DelimiterCheck() {
    }

    /** @throws EngineException when {@code delimiter} does not split the text but another delimiter does */
    static void verify(Path file, String text, char delimiter, char quote) {
        DelimiterDetector.Fit chosen = DelimiterDetector.fit(text, delimiter, quote);
        if (chosen.fields() > 1) {
            return;
        }
        char better = DelimiterDetector.detect(text, quote);
        if (better == delimiter) {
            return;
        }
        DelimiterDetector.Fit fit = DelimiterDetector.fit(text, better, quote);
        if (!fit.splits()) {
            return;
        }
        throw new EngineException("The file " + file + " does not seem to use " + name(delimiter)
                + " as its delimiter: with it every line is a single field, while " + name(better)
                + " splits the lines into " + fit.fields() + " columns. Choose " + name(better)
                + " as the delimiter.");
    }

    static String name(char delimiter) {
        return switch (delimiter) {
            case ',' -> "comma (,)";
            case '\t' -> "tab";
            case ';' -> "semicolon (;)";
            case '|' -> "pipe (|)";
            default -> "'" + delimiter + "'";
        };
    }
}
