package org.personaworkbench.engine.personas;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.personaworkbench.engine.common.EngineException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;

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
        Objects.requireNonNull(persona, "persona");
        write(target, out -> {
            try (PDDocument document = new PDDocument()) {
                info(document, persona.name());
                new CardPainter(document).card(persona);
                document.save(out);
            }
        });
    }

    /** One persona card as a PNG image at {@code dpi} (for example 144). */
    public static void cardPng(Persona persona, Path target, int dpi) {
        Objects.requireNonNull(persona, "persona");
        if (dpi < 18 || dpi > 600) {
            throw new IllegalArgumentException("The resolution must be between 18 and 600 dpi, for example 144; got "
                    + dpi + ".");
        }
        write(target, out -> {
            try (PDDocument document = new PDDocument()) {
                new CardPainter(document).card(persona);
                java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
                document.save(pdf);
                try (PDDocument reloaded = Loader.loadPDF(pdf.toByteArray())) {
                    BufferedImage image = new PDFRenderer(reloaded).renderImageWithDPI(0, dpi, ImageType.RGB);
                    if (!ImageIO.write(image, "png", out)) {
                        throw new IOException("this Java runtime has no PNG writer");
                    }
                }
            }
        });
    }

    /** A deck: a title page naming the project and run, then one page per persona. */
    public static void deckPdf(String title, List<Persona> personas, Path target) {
        Objects.requireNonNull(personas, "personas");
        write(target, out -> {
            try (PDDocument document = new PDDocument()) {
                info(document, title);
                CardPainter painter = new CardPainter(document);
                painter.titlePage(title == null ? "" : title, personas);
                for (Persona p : personas) {
                    painter.card(p);
                }
                document.save(out);
            }
        });
    }

    /** The personas as pretty-printed JSON (format documented in the README). */
    public static String json(List<Persona> personas) {
        return PersonaJson.export(personas);
    }

    /**
     * The personas of a run as {@code {"run": run, "personas": [...]}} with the same fields as {@link #json}
     * (what {@code pwb personas --json} prints).
     */
    public static String runJson(String run, List<Persona> personas) {
        return PersonaJson.runDocument(run, personas);
    }

    /** Writes JSON text (for example {@link #json}) to a file, atomically like the other exports. */
    public static void text(String content, Path target) {
        Objects.requireNonNull(content, "content");
        org.personaworkbench.engine.export.AtomicFiles.write(target, out -> out.write(content));
    }

    private static void info(PDDocument document, String title) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Persona Workbench");
        info.setCreationDate(Calendar.getInstance());
    }


    /** Writes to a temporary file beside the target and moves it into place; nothing is left behind on failure. */
    private static void write(Path target, org.personaworkbench.engine.export.AtomicFiles.BytesBody content) {
        org.personaworkbench.engine.export.AtomicFiles.writeBytes(java.util.Objects.requireNonNull(target, "target"),
                content);
    }

}
