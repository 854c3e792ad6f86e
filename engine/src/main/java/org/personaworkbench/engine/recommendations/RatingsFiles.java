package org.personaworkbench.engine.recommendations;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.HeaderCsv;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rating or event files outside a project into {@link Interaction}s: MovieLens {@code u.data} (tab or
 * "::" separated user, item, rating, timestamp) and CSV with named columns. Errors name the file, the line and
 * the column, so a wrong column or a stray header is found at once. Files ending in ".gz" are decompressed.
 */
public final class RatingsFiles {

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private RatingsFiles() {
    }

    /** The CSV columns to read; rating and time may be null (value 1, no time). */
    public record CsvColumns(String user, String item, String rating, String time) {
        public CsvColumns {
            if (user == null || item == null) {
                throw new IllegalArgumentException("A CSV of interactions needs the user and the item column.");
            }
        }
    }

    /** MovieLens 100K {@code u.data} (tab) or 1M/10M {@code ratings.dat} ("::"): user, item, rating, epoch seconds. */
    public static List<Interaction> movieLens(Path file, CancellationToken cancel) {
        List<Interaction> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(HeaderCsv.reader(file))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if ((number & 0x3FFF) == 0) {
                    cancel.throwIfCancelled();
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.contains("::") ? line.split("::") : line.split("\t");
                if (f.length < 3) {
                    throw new EngineException(file + ", line " + number + ": expected user, item, rating and "
                            + "timestamp separated by tabs (MovieLens u.data), found " + f.length + " field(s).");
                }
                double rating = number(file, number, "rating (column 3)", f[2]);
                long time = f.length > 3 ? (long) number(file, number, "timestamp (column 4)", f[3])
                        : Interaction.NO_TIME;
                out.add(new Interaction(f[0].trim(), f[1].trim(), rating, time));
            }
        } catch (IOException e) {
            throw new EngineException("The file " + file + " could not be read: " + e.getMessage(), e);
        }
        return out;
    }

    /** The 19 genre flags of MovieLens 100K {@code u.item}, in file order. */
    private static final String[] MOVIELENS_GENRES = {"unknown", "Action", "Adventure", "Animation", "Children's",
        "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance",
        "Sci-Fi", "Thriller", "War", "Western"};

    /**
     * MovieLens 100K {@code u.item} ('|'-separated id, title, dates, URL and 19 genre flags, ISO-8859-1) as a
     * catalogue: the title, the title and genres as text for the content model, the first genre as category.
     */
    public static ItemCatalog movieLensItems(Path file, CancellationToken cancel) {
        java.util.Map<String, ItemCatalog.Item> items = new java.util.HashMap<>();
        try (BufferedReader in = java.nio.file.Files.newBufferedReader(file,
                java.nio.charset.StandardCharsets.ISO_8859_1)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if ((number & 0x3FF) == 0) {
                    cancel.throwIfCancelled();
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (f.length < 5 + MOVIELENS_GENRES.length) {
                    throw new EngineException(file + ", line " + number + ": expected id|title|date|video date|url"
                            + " and 19 genre flags (MovieLens u.item), found " + f.length + " field(s).");
                }
                List<String> genres = new ArrayList<>();
                for (int g = 0; g < MOVIELENS_GENRES.length; g++) {
                    if ("1".equals(f[5 + g])) {
                        genres.add(MOVIELENS_GENRES[g]);
                    }
                }
                items.put(f[0].trim(), new ItemCatalog.Item(f[0].trim(), f[1], f[1] + " " + String.join(" ", genres),
                        genres.isEmpty() ? "" : genres.getFirst()));
            }
        } catch (IOException e) {
            throw new EngineException("The file " + file + " could not be read: " + e.getMessage(), e);
        }
        return new ItemCatalog(items);
    }

    /** A CSV with a header; the delimiter (comma, semicolon or tab) is taken from the header line. */
    public static List<Interaction> csv(Path file, CsvColumns columns, CancellationToken cancel) {
        List<Interaction> out = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = HeaderCsv.open(file)) {
            int user = -1;
            int item = -1;
            int rating = -1;
            int time = -1;
            boolean header = true;
            long n = 0;
            for (CsvRecord r : reader) {
                if (header) {
                    List<String> names = r.getFields().stream().map(s -> s.trim().replace("\uFEFF", "")).toList();
                    user = HeaderCsv.column(file, names, columns.user(), "--user-col");
                    item = HeaderCsv.column(file, names, columns.item(), "--item-col");
                    rating = columns.rating() == null ? -1 : HeaderCsv.column(file, names, columns.rating(), "--rating-col");
                    time = columns.time() == null ? -1 : HeaderCsv.column(file, names, columns.time(), "--time-col");
                    header = false;
                    continue;
                }
                if ((++n & 0x3FFF) == 0) {
                    cancel.throwIfCancelled();
                }
                long line = r.getStartingLineNumber();
                String u = field(r, user);
                String i = field(r, item);
                if (u.isEmpty() || i.isEmpty()) {
                    continue; // anonymous events cannot be attributed to a user or an item
                }
                double value = rating < 0 ? 1 : number(file, line, "'" + columns.rating() + "'", field(r, rating));
                long at = time < 0 ? Interaction.NO_TIME : time(file, line, columns.time(), field(r, time));
                out.add(new Interaction(u, i, value, at));
            }
        } catch (CsvParseException e) {
            throw new EngineException("The file " + file + " could not be read as CSV: " + e.getMessage()
                    + ". Check that quotes are balanced.", e);
        } catch (IOException e) {
            throw new EngineException("The file " + file + " could not be read: " + e.getMessage(), e);
        }
        return out;
    }

    private static String field(CsvRecord r, int index) {
        return index < r.getFieldCount() ? r.getField(index).trim() : "";
    }


    private static double number(Path file, long line, String what, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new EngineException(file + ", line " + line + ", " + what + ": '" + text + "' is not a number.");
        }
    }

    /** Epoch seconds (or milliseconds above 10¹¹), ISO date-time, "yyyy-MM-dd HH:mm[:ss]" or a date. */
    static long time(Path file, long line, String column, String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return Interaction.NO_TIME;
        }
        try {
            double v = Double.parseDouble(t);
            return Math.abs(v) > 1e11 ? (long) (v / 1000) : (long) v;
        } catch (NumberFormatException ignored) {
            // not a number: try the date forms
        }
        try {
            return OffsetDateTime.parse(t).toEpochSecond();
        } catch (DateTimeParseException ignored) {
            // no offset
        }
        try {
            return LocalDateTime.parse(t).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // not ISO with 'T'
        }
        try {
            return LocalDateTime.parse(t, SPACED).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // not spaced
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new EngineException(file + ", line " + line + ", column '" + column + "': '" + text
                    + "' is not a time (use epoch seconds, 2024-01-31 or 2024-01-31T10:15:00).");
        }
    }


}
