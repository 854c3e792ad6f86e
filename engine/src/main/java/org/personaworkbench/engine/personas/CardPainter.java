package org.personaworkbench.engine.personas;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws persona pages on A4 landscape: a card (colour band with initials avatar, name, summary and goal badge; key
 * figures, top categories and traits on the left; quote, story and content map on the right) and a deck's title
 * page. Every text is wrapped to its box and cut with an ellipsis, shrinking the story's type first, so nothing
 * runs off the page.
 */
final class CardPainter {

    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 28;
    private static final float BAND = 118;
    private static final float[] INK = rgb("#1f2328");
    private static final float[] MUTED = rgb("#59636e");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final PDDocument document;
    private final PdfText text;

    CardPainter(PDDocument document) {
        this.document = document;
        this.text = PdfText.load(document);
    }

    /** Adds one page with the persona's card. */
    void card(Persona p) throws IOException {
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        float w = PAGE.getWidth();
        float h = PAGE.getHeight();
        float[] color = rgb(p.color());
        float[] tint = mix(color, 0.12f);
        try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
            fill(cs, color);
            cs.addRect(0, h - BAND, w, BAND);
            cs.fill();

            float cx = MARGIN + 44;
            float cy = h - BAND / 2;
            fill(cs, new float[] {1, 1, 1});
            circle(cs, cx, cy, 40);
            cs.fill();
            String initials = p.initials();
            float initialsSize = initials.length() > 1 ? 28 : 32;
            fill(cs, color);
            text.line(cs, text.bold, initialsSize, cx - text.width(text.bold, initialsSize, initials) / 2,
                    cy - initialsSize * 0.36f, initials);

            String badge = "Goal: " + p.goal().label();
            float badgeWidth = text.width(text.bold, 11, badge) + 24;
            float badgeX = w - MARGIN - badgeWidth;
            float badgeY = h - 44;
            fill(cs, new float[] {1, 1, 1});
            roundedRect(cs, badgeX, badgeY, badgeWidth, 24, 12);
            cs.fill();
            fill(cs, color);
            text.line(cs, text.bold, 11, badgeX + 12, badgeY + 8, badge);

            float nameX = MARGIN + 104;
            float nameWidth = badgeX - 16 - nameX;
            float nameSize = 26;
            while (nameSize > 18 && text.width(text.bold, nameSize, p.name()) > nameWidth) {
                nameSize -= 1;
            }
            fill(cs, new float[] {1, 1, 1});
            float y;
            if (text.width(text.bold, nameSize, p.name()) <= nameWidth) {
                text.line(cs, text.bold, nameSize, nameX, h - 52, p.name());
                y = h - 74;
            } else {
                nameSize = 18;
                while (nameSize > 13 && text.wrap(text.bold, nameSize, p.name(), nameWidth, 3).size() > 2) {
                    nameSize -= 1;
                }
                y = h - 22 - nameSize;
                for (String line : text.wrap(text.bold, nameSize, p.name(), nameWidth, 2)) {
                    text.line(cs, text.bold, nameSize, nameX, y, line);
                    y -= nameSize * 1.15f;
                }
                y -= 6;
            }
            int summaryLines = Math.max(1, (int) ((y - (h - BAND + 8)) / 14) + 1);
            for (String line : text.wrap(text.regular, 11, p.summary(), w - MARGIN - nameX, Math.min(3, summaryLines))) {
                text.line(cs, text.regular, 11, nameX, y, line);
                y -= 14;
            }

            float top = h - BAND - 22;
            leftColumn(cs, p, MARGIN, top, 262, tint);
            rightArea(cs, p, MARGIN + 262 + 20, top, w - MARGIN - (MARGIN + 262 + 20), color, tint);

            fill(cs, MUTED);
            text.line(cs, text.regular, 7, MARGIN, 14, text.fit(text.regular, 7, "Persona Workbench · run "
                    + p.run() + " · segment " + p.segment() + " · updated " + DAY.format(p.updatedAt())
                    + " · figures from the project's data, text editable in the Personas step", w - 2 * MARGIN));
        }
    }

    private void leftColumn(PDPageContentStream cs, Persona p, float x, float top, float width, float[] tint)
            throws IOException {
        float y = heading(cs, "KEY FIGURES", x, top);
        PersonaFigures f = p.figures();
        String[][] tiles = {
            {String.format(Locale.ROOT, "%,d", f.size()), "customers"},
            {StarterText.percent(f.customerShare()), "of customers"},
            {Double.isFinite(f.revenueShare()) ? StarterText.percent(f.revenueShare()) : "–", "of revenue"},
            {Double.isFinite(f.averageOrderValue()) ? String.format(Locale.ROOT, "%,.2f", f.averageOrderValue())
                    : "–", "average order value"},
            {Double.isFinite(f.recencyDays()) ? days(f.recencyDays()) : "–",
                "since last order (median)"},
            {Double.isFinite(f.ordersPerCustomer()) ? String.format(Locale.ROOT, "%.1f", f.ordersPerCustomer())
                    : "–", "orders per customer"},
        };
        float gap = 8;
        float tileW = (width - gap) / 2;
        float tileH = 44;
        for (int i = 0; i < tiles.length; i++) {
            float tx = x + (i % 2) * (tileW + gap);
            float ty = y - (i / 2 + 1) * tileH - (i / 2) * gap;
            fill(cs, tint);
            roundedRect(cs, tx, ty, tileW, tileH, 6);
            cs.fill();
            fill(cs, INK);
            text.line(cs, text.bold, 15, tx + 8, ty + tileH - 20, text.fit(text.bold, 15, tiles[i][0], tileW - 16));
            fill(cs, MUTED);
            text.line(cs, text.regular, 8, tx + 8, ty + 8, text.fit(text.regular, 8, tiles[i][1], tileW - 16));
        }
        y -= 3 * tileH + 2 * gap + 18;

        y = heading(cs, f.topCategoriesHeading().toUpperCase(java.util.Locale.ROOT), x, y);
        fill(cs, INK);
        String categories = f.topCategories().isEmpty() ? "No category data" : String.join(" · ", f.topCategories());
        for (String line : text.wrap(text.regular, 10, categories, width, 2)) {
            text.line(cs, text.regular, 10, x, y - 10, line);
            y -= 13;
        }
        y -= 14;

        float bottom = MARGIN + 10;
        List<String> traits = p.traits().isEmpty() ? List.of("No tested traits saved with this run") : p.traits();
        List<String> notes = p.notes().stream().map(StickyNote::text).filter(t -> !t.isBlank()).toList();
        float notesRoom = notes.isEmpty() ? 0 : Math.min(110, 16 + notes.size() * 15f);
        y = heading(cs, "WHAT SETS THEM APART", x, y);
        y = bullets(cs, traits, x, y, width, bottom + notesRoom);
        if (!notes.isEmpty()) {
            y = heading(cs, "WORKSHOP NOTES", x, y - 8);
            bullets(cs, notes, x, y, width, bottom);
        }
    }

    /** Bulleted items, wrapped (at most three lines each), down to the bottom; returns the y below them. */
    private float bullets(PDPageContentStream cs, List<String> items, float x, float y, float width, float bottom)
            throws IOException {
        float size = 9.5f;
        float leading = 12;
        for (String item : items) {
            int room = (int) ((y - bottom) / leading);
            if (room <= 0) {
                break;
            }
            List<String> lines = text.wrap(text.regular, size, item, width - 12, Math.min(room, 3));
            fill(cs, INK);
            text.line(cs, text.regular, size, x, y - size, "•");
            for (String line : lines) {
                text.line(cs, text.regular, size, x + 10, y - size, line);
                y -= leading;
            }
            y -= 3;
        }
        return y;
    }

    private void rightArea(PDPageContentStream cs, Persona p, float x, float top, float width, float[] color,
                           float[] tint) throws IOException {
        float y = top + 10;
        if (!p.quote().isBlank()) {
            List<String> quote = text.wrap(text.regular, 13, "“" + p.quote().strip() + "”", width - 28, 3);
            float boxH = quote.size() * 17 + 16;
            fill(cs, tint);
            cs.addRect(x, y - boxH, width, boxH);
            cs.fill();
            fill(cs, color);
            cs.addRect(x, y - boxH, 4, boxH);
            cs.fill();
            fill(cs, INK);
            float ly = y - 8 - 13;
            for (String line : quote) {
                text.line(cs, text.regular, 13, x + 16, ly, line);
                ly -= 17;
            }
            y -= boxH + 16;
        }

        Table table = table(p.contentMap(), width);
        float tableTop = MARGIN + 10 + table.height();
        if (!p.contentMap().isEmpty()) {
            drawTable(cs, table, x, tableTop, color, tint);
        }

        float storyBottom = p.contentMap().isEmpty() ? MARGIN + 10 : tableTop + 30;
        float gap = 18;
        float colW = (width - gap) / 2;
        String[][] left = {{"WHO THEY ARE", p.description()}, {"GOALS", p.goals()}};
        String[][] right = {{"PAIN POINTS", p.painPoints()}, {"PREFERRED CHANNELS", p.channels()}};
        float size = storySize(left, right, colW, y - storyBottom);
        sections(cs, left, x, y, colW, storyBottom, size);
        sections(cs, right, x + colW + gap, y, colW, storyBottom, size);
        if (!p.contentMap().isEmpty()) {
            heading(cs, "CONTENT MAP", x, tableTop + 20);
        }
    }

    /** The largest type size (10.5 down to 7.5) at which both story columns fit their height. */
    private float storySize(String[][] left, String[][] right, float width, float height) {
        for (float size = 10.5f; size > 7.5f; size -= 0.5f) {
            if (sectionsHeight(left, width, size) <= height && sectionsHeight(right, width, size) <= height) {
                return size;
            }
        }
        return 7.5f;
    }

    private float sectionsHeight(String[][] sections, float width, float size) {
        float h = 0;
        for (String[] s : sections) {
            h += 16 + text.wrap(text.regular, size, blankAsDash(s[1]), width, 1000).size() * size * 1.3f + 12;
        }
        return h;
    }

    /**
     * Draws headed sections from the top down to the bottom; when their text does not all fit, each section gets
     * an equal share of the lines first (so a long first section never hides the next one), the rest goes to
     * those that need more, and cut text ends in "…".
     */
    private void sections(PDPageContentStream cs, String[][] sections, float x, float top, float width,
                          float bottom, float size) throws IOException {
        float leading = size * 1.3f;
        int n = sections.length;
        int available = (int) ((top - bottom - n * 28) / leading);
        if (available < n) {
            return;
        }
        int[] needed = new int[n];
        for (int i = 0; i < n; i++) {
            needed[i] = text.wrap(text.regular, size, blankAsDash(sections[i][1]), width, 1000).size();
        }
        int[] lines = new int[n];
        int left = available;
        for (int i = 0; i < n; i++) {
            lines[i] = Math.min(needed[i], available / n);
            left -= lines[i];
        }
        for (int i = 0; i < n && left > 0; i++) {
            int more = Math.min(left, needed[i] - lines[i]);
            lines[i] += more;
            left -= more;
        }
        float y = top;
        for (int i = 0; i < n; i++) {
            y = heading(cs, sections[i][0], x, y);
            fill(cs, INK);
            for (String line : text.wrap(text.regular, size, blankAsDash(sections[i][1]), width, lines[i])) {
                text.line(cs, text.regular, size, x, y - size, line);
                y -= leading;
            }
            y -= 12;
        }
    }

    private static String days(double days) {
        long rounded = Math.round(days);
        return rounded == 1 ? "1 day" : String.format(Locale.ROOT, "%,d days", rounded);
    }

    private static String blankAsDash(String s) {
        return s.isBlank() ? "–" : s;
    }

    /** A small grey heading; returns the y below it. */
    private float heading(PDPageContentStream cs, String title, float x, float y) throws IOException {
        fill(cs, MUTED);
        text.line(cs, text.bold, 8.5f, x, y - 8.5f, title);
        return y - 16;
    }

    private record Table(float[] widths, List<List<List<String>>> rows, float headerHeight, float[] rowHeights) {
        float height() {
            float h = headerHeight;
            for (float r : rowHeights) {
                h += r;
            }
            return h;
        }
    }

    private static final float CELL_SIZE = 9;
    private static final float CELL_LEADING = 11.5f;

    private Table table(List<ContentRow> rows, float width) {
        float[] widths = {width * 0.27f, width * 0.48f, width * 0.25f};
        List<List<List<String>>> cells = new ArrayList<>();
        float[] heights = new float[Math.min(rows.size(), 6)];
        for (int r = 0; r < heights.length; r++) {
            ContentRow row = rows.get(r);
            String[] values = {row.contentType(), row.messagingFocus(), row.channel()};
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < 3; c++) {
                List<String> cell = text.wrap(text.regular, CELL_SIZE, blankAsDash(values[c]), widths[c] - 12, 3);
                wrapped.add(cell);
                lines = Math.max(lines, cell.size());
            }
            cells.add(wrapped);
            heights[r] = lines * CELL_LEADING + 9;
        }
        return new Table(widths, cells, 20, heights);
    }

    private void drawTable(PDPageContentStream cs, Table table, float x, float top, float[] color, float[] tint)
            throws IOException {
        String[] headers = {"Content type", "Messaging focus", "Channel"};
        float total = table.widths()[0] + table.widths()[1] + table.widths()[2];
        fill(cs, color);
        cs.addRect(x, top - table.headerHeight(), total, table.headerHeight());
        cs.fill();
        fill(cs, new float[] {1, 1, 1});
        float cx = x;
        for (int c = 0; c < 3; c++) {
            text.line(cs, text.bold, CELL_SIZE, cx + 6, top - 14, headers[c]);
            cx += table.widths()[c];
        }
        float y = top - table.headerHeight();
        for (int r = 0; r < table.rows().size(); r++) {
            float rh = table.rowHeights()[r];
            if (r % 2 == 1) {
                fill(cs, tint);
                cs.addRect(x, y - rh, total, rh);
                cs.fill();
            }
            cx = x;
            fill(cs, INK);
            for (int c = 0; c < 3; c++) {
                float ly = y - 5 - CELL_SIZE;
                for (String line : table.rows().get(r).get(c)) {
                    text.line(cs, c == 0 ? text.bold : text.regular, CELL_SIZE, cx + 6, ly, line);
                    ly -= CELL_LEADING;
                }
                cx += table.widths()[c];
            }
            y -= rh;
        }
        stroke(cs, mix(color, 0.5f));
        cs.setLineWidth(0.6f);
        cs.moveTo(x, y);
        cs.lineTo(x + total, y);
        cs.stroke();
    }

    /** Adds the deck's title page: the title, the date, and one line per persona with its colour and summary. */
    void titlePage(String title, List<Persona> personas) throws IOException {
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        float w = PAGE.getWidth();
        float h = PAGE.getHeight();
        float[] accent = rgb(personas.isEmpty() ? PersonaColors.of(0) : personas.getFirst().color());
        try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
            fill(cs, rgb("#24292f"));
            cs.addRect(0, h - 170, w, 170);
            cs.fill();
            float sx = MARGIN;
            float stripe = (w - 2 * MARGIN) / Math.max(1, personas.size());
            for (Persona p : personas) {
                fill(cs, rgb(p.color()));
                cs.addRect(sx, h - 176, stripe, 6);
                cs.fill();
                sx += stripe;
            }
            fill(cs, new float[] {1, 1, 1});
            float size = 30;
            String clean = title.isBlank() ? "Personas" : title;
            while (size > 16 && text.width(text.bold, size, clean) > w - 2 * MARGIN) {
                size -= 1;
            }
            text.line(cs, text.bold, size, MARGIN, h - 80, text.fit(text.bold, size, clean, w - 2 * MARGIN));
            fill(cs, mix(accent, 0.35f));
            text.line(cs, text.regular, 13, MARGIN, h - 110, personas.size() + (personas.size() == 1 ? " persona"
                    : " personas") + (personas.isEmpty() ? "" : " · run " + personas.getFirst().run())
                    + " · Persona Workbench");

            float y = h - 210;
            float rowH = Math.min(48, (y - MARGIN - 20) / Math.max(1, personas.size()));
            float nameSize = Math.min(14, rowH * 0.34f);
            float summarySize = Math.min(10, rowH * 0.24f);
            for (Persona p : personas) {
                fill(cs, rgb(p.color()));
                circle(cs, MARGIN + 10, y - rowH / 2 + 2, Math.min(10, rowH / 3));
                cs.fill();
                fill(cs, INK);
                text.line(cs, text.bold, nameSize, MARGIN + 30, y - nameSize,
                        text.fit(text.bold, nameSize, p.name() + " — " + p.goal().label(), w - 2 * MARGIN - 30));
                fill(cs, MUTED);
                text.line(cs, text.regular, summarySize, MARGIN + 30, y - nameSize - summarySize - 4,
                        text.fit(text.regular, summarySize, p.summary(), w - 2 * MARGIN - 30));
                y -= rowH;
            }
        }
    }

    private static void fill(PDPageContentStream cs, float[] rgb) throws IOException {
        cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
    }

    private static void stroke(PDPageContentStream cs, float[] rgb) throws IOException {
        cs.setStrokingColor(rgb[0], rgb[1], rgb[2]);
    }

    /** The colour mixed with white: {@code amount} of the colour, the rest white. */
    private static float[] mix(float[] rgb, float amount) {
        return new float[] {1 - (1 - rgb[0]) * amount, 1 - (1 - rgb[1]) * amount, 1 - (1 - rgb[2]) * amount};
    }

    static float[] rgb(String hex) {
        int v;
        try {
            v = Integer.parseInt(hex.strip().substring(1, 7), 16);
        } catch (RuntimeException e) {
            v = 0x4e79a7;
        }
        return new float[] {(v >> 16 & 0xFF) / 255f, (v >> 8 & 0xFF) / 255f, (v & 0xFF) / 255f};
    }

    /** A circle as four Bézier curves. */
    private static void circle(PDPageContentStream cs, float cx, float cy, float r) throws IOException {
        float k = 0.552284749f * r;
        cs.moveTo(cx + r, cy);
        cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        cs.closePath();
    }

    private static void roundedRect(PDPageContentStream cs, float x, float y, float w, float h, float r)
            throws IOException {
        float k = 0.552284749f * r;
        cs.moveTo(x + r, y);
        cs.lineTo(x + w - r, y);
        cs.curveTo(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
        cs.lineTo(x + w, y + h - r);
        cs.curveTo(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
        cs.lineTo(x + r, y + h);
        cs.curveTo(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
        cs.lineTo(x, y + r);
        cs.curveTo(x, y + r - k, x + r - k, y, x + r, y);
        cs.closePath();
    }
}
