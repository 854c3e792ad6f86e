package org.personaworkbench.engine.recommendations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatingsFilesTest {

    @TempDir
    Path folder;

    @Test
    void readsMovieLensTabSeparatedRatings() throws IOException {
        Path file = folder.resolve("u.data");
        Files.writeString(file, "196\t242\t3\t881250949\n186\t302\t3\t891717742\n\n22\t377\t1\t878887116\n");
        List<Interaction> events = RatingsFiles.movieLens(file, CancellationToken.create());
        assertEquals(List.of(new Interaction("196", "242", 3, 881250949L), new Interaction("186", "302", 3, 891717742L),
                new Interaction("22", "377", 1, 878887116L)), events);
    }

    @Test
    void movieLensErrorsNameTheFileLineAndColumn() throws IOException {
        Path file = folder.resolve("u.data");
        Files.writeString(file, "196\t242\t3\t881250949\n186\t302\tfive\t891717742\n");
        EngineException e = assertThrows(EngineException.class,
                () -> RatingsFiles.movieLens(file, CancellationToken.create()));
        assertEquals(file + ", line 2, rating (column 3): 'five' is not a number.", e.getMessage());
    }

    @Test
    void readsCsvColumnsByNameWithIsoAndEpochTimes() throws IOException {
        Path file = folder.resolve("events.csv");
        Files.writeString(file, "when;customer;sku;qty\n2024-01-31 10:15;c1;A;2\n1700000000;c2;B;1\n2024-02-01;;C;1\n");
        List<Interaction> events = RatingsFiles.csv(file, new RatingsFiles.CsvColumns("customer", "sku", "qty", "when"),
                CancellationToken.create());
        assertEquals(List.of(new Interaction("c1", "A", 2, 1706696100L), new Interaction("c2", "B", 1, 1700000000L)),
                events);
        List<Interaction> plain = RatingsFiles.csv(file, new RatingsFiles.CsvColumns("customer", "sku", null, null),
                CancellationToken.create());
        assertEquals(new Interaction("c1", "A", 1, Interaction.NO_TIME), plain.getFirst());
    }

    @Test
    void csvErrorsNameTheMissingColumnOrTheBadCell() throws IOException {
        Path file = folder.resolve("events.csv");
        Files.writeString(file, "user,item,rating\nu1,i1,4\nu2,i2,lots\n");
        EngineException missing = assertThrows(EngineException.class, () -> RatingsFiles.csv(file,
                new RatingsFiles.CsvColumns("customer", "item", null, null), CancellationToken.create()));
        assertEquals(file + ": no column 'customer' (--user-col); the header has user, item, rating.",
                missing.getMessage());
        EngineException bad = assertThrows(EngineException.class, () -> RatingsFiles.csv(file,
                new RatingsFiles.CsvColumns("user", "item", "rating", null), CancellationToken.create()));
        assertTrue(bad.getMessage().startsWith(file + ", line 3, 'rating': 'lots' is not a number"), bad.getMessage());
    }
}
