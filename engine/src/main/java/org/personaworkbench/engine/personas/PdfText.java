package org.personaworkbench.engine.personas;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fonts and text drawing for persona PDFs: DejaVu Sans (regular and bold, bundled with its licence and embedded
 * as subsets) so names in any Latin, Greek or Cyrillic script print; characters the font lacks are drawn as "?"
 * instead of failing. Without the bundled fonts it falls back to the Standard 14 Helvetica, whose WinAnsi
 * encoding replaces more characters. Lines are wrapped to a width and cut with an ellipsis at a line limit, so
 * text never runs off the page.
 */
final class PdfText {

    private static final String FONTS = "/org/personaworkbench/engine/personas/fonts/";

    final PDFont regular;
    final PDFont bold;
    private final Map<PDFont, Map<Integer, Boolean>> printable = new HashMap<>();

    private PdfText(PDFont regular, PDFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** The fonts for one document (PDFBox fonts belong to the document that embeds them). */
    static PdfText load(PDDocument document) {
        try (InputStream r = PdfText.class.getResourceAsStream(FONTS + "DejaVuSans.ttf");
             InputStream b = PdfText.class.getResourceAsStream(FONTS + "DejaVuSans-Bold.ttf")) {
            if (r != null && b != null) {
                return new PdfText(PDType0Font.load(document, r), PDType0Font.load(document, b));
            }
        } catch (IOException e) {
            // fall back to Helvetica below
        }
        return new PdfText(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
    }

    /** The text with tabs and line ends as spaces and every character the font cannot draw as "?". */
    String printable(PDFont font, String text) {
        Map<Integer, Boolean> known = printable.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
                return;
            }
            boolean ok = known.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                    return false;
                }
            });
            if (ok) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(printable(font, text)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws one line with its baseline at y. */
    void line(PDPageContentStream cs, PDFont font, float size, float x, float y, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(printable(font, text));
        cs.endText();
    }

    /** Cuts a line to the width, ending it with "…" when it had to be cut. */
    String fit(PDFont font, float size, String text, float width) {
        String clean = printable(font, text).strip();
        if (width(font, size, clean) <= width) {
            return clean;
        }
        int end = clean.length();
        while (end > 0 && width(font, size, clean.substring(0, end).stripTrailing() + "…") > width) {
            end--;
        }
        return clean.substring(0, end).stripTrailing() + "…";
    }

    /**
     * The text wrapped to the width, paragraphs kept; at most {@code maxLines} lines, the last one ending in "…"
     * when text was left out.
     */
    List<String> wrap(PDFont font, float size, String text, float width, int maxLines) {
        List<String> lines = new ArrayList<>();
        boolean cut = false;
        for (String paragraph : text.strip().split("\\R")) {
            if (lines.size() >= maxLines) {
                cut = true;
                break;
            }
            StringBuilder current = new StringBuilder();
            for (String word : printable(font, paragraph).split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(font, size, candidate) <= width) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                while (width(font, size, word) > width && word.length() > 1) {
                    int end = word.length() - 1;
                    while (end > 1 && width(font, size, word.substring(0, end)) > width) {
                        end--;
                    }
                    lines.add(word.substring(0, end));
                    word = word.substring(end);
                }
                current.append(word);
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
            }
        }
        if (lines.size() > maxLines) {
            cut = true;
            lines = new ArrayList<>(lines.subList(0, maxLines));
        }
        if (cut && !lines.isEmpty()) {
            int last = lines.size() - 1;
            lines.set(last, fit(font, size, lines.get(last) + " …", width));
            if (!lines.get(last).endsWith("…")) {
                lines.set(last, fit(font, size, lines.get(last) + "…", width));
            }
        }
        return lines;
    }
}
