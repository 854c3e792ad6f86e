package org.personaworkbench.engine.personas;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.EngineException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonaExportsTest {

    @TempDir
    Path folder;

    static Persona persona(int segment, String name, String longText) {
        return new Persona("March", segment, name, "412 customers (9% of customers, 38% of revenue); 3.1× more "
                + "orders than others; last bought 12 days ago (median)", longText, "Find a reason to come back.",
                "Forgot about us.", "Email, Direct mail", "I used to order from you. What has changed?",
                ActionableGoal.WIN_BACK, PersonaColors.of(segment),
                new PersonaFigures(412, 0.09, 0.38, 23.456, 12, 3.1, List.of("Home Decor", "Kitchen")),
                List.of("3.1× more orders than the rest", "58% fewer days since last order than the rest"),
                List.of(new ContentRow("We-miss-you email", "What is new since their last order", "Email"),
                        new ContentRow("Offer", longText, "Email"), new ContentRow("Ad", "Back in stock", "Social")),
                List.of(), Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void deckHasATitlePageAndOnePagePerPersonaWithEveryNamePrinted() throws Exception {
        String essay = "word ".repeat(900) + "Supercalifragilisticexpialidocious".repeat(12);
        List<Persona> personas = List.of(persona(0, "Loyal high spenders", "Short."),
                persona(1, "Łódź 東京 Ωmega customers", essay), persona(2, "Frequent small-basket buyers", essay));
        Path deck = folder.resolve("deck.pdf");

        PersonaExports.deckPdf("retail — March", personas, deck);

        try (PDDocument pdf = Loader.loadPDF(deck.toFile())) {
            assertEquals(4, pdf.getNumberOfPages());
            String all = new PDFTextStripper().getText(pdf);
            assertTrue(all.contains("retail — March"), all);
            assertTrue(all.contains("Loyal high spenders") && all.contains("Frequent small-basket buyers"), all);
            assertTrue(all.contains("Łódź ?? Ωmega customers"), "glyphs the font lacks print as ?: " + all);
            PDFTextStripper page2 = new PDFTextStripper();
            page2.setStartPage(3);
            page2.setEndPage(3);
            String card = page2.getText(pdf);
            assertTrue(card.contains("Goal: Win back") && card.contains("412") && card.contains("Home Decor · Kitchen")
                    && card.contains("We-miss-you email") && card.contains("…"), card);
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(deck), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void cardPdfHasOnePageAndPngDecodesAtTheRequestedResolution() throws Exception {
        Persona p = persona(3, "New first-time buyers", "They have only just started buying.");
        Path pdf = folder.resolve("card.pdf");
        Path png = folder.resolve("card.png");

        PersonaExports.cardPdf(p, pdf);
        PersonaExports.cardPng(p, png, 144);

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(doc).contains("New first-time buyers"));
        }
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1683, image.getWidth(), "A4 landscape, 841.9 points at 2 pixels per point");
        assertEquals(1190, image.getHeight());
        assertEquals(PersonaColors.of(3), String.format("#%06x", image.getRGB(800, 10) & 0xFFFFFF),
                "the colour band is the persona's colour");
    }

    @Test
    void writingIntoAMissingFolderFailsWithAClearMessage() {
        Path target = folder.resolve("missing").resolve("card.pdf");
        EngineException e = assertThrows(EngineException.class,
                () -> PersonaExports.cardPdf(persona(0, "A", "b"), target));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
