package org.personaworkbench.engine.personas;

import java.nio.file.Path;
import java.util.List;

/**
 * Personas out of the workbench: a card as PDF or PNG, a deck of all cards as one PDF (Apache PDFBox; the PNG
 * is the PDF page rendered, so both look the same), and JSON that {@link Personas#importJson} reads back.
 * Files are written to a temporary name and moved into place.
 */
public final class PersonaExports {

    private PersonaExports() {
    }

    /** One persona card as a one-page PDF. */
    public static void cardPdf(Persona persona, Path target) {
        throw new UnsupportedOperationException("issue 4: personas engine");
    }

    /** One persona card as a PNG image at {@code dpi} (for example 144). */
    public static void cardPng(Persona persona, Path target, int dpi) {
        throw new UnsupportedOperationException("issue 4: personas engine");
    }

    /** A deck: a title page naming the project and run, then one page per persona. */
    public static void deckPdf(String title, List<Persona> personas, Path target) {
        throw new UnsupportedOperationException("issue 4: personas engine");
    }

    /** The personas as pretty-printed JSON (format documented in the README). */
    public static String json(List<Persona> personas) {
        throw new UnsupportedOperationException("issue 4: personas engine");
    }
}
