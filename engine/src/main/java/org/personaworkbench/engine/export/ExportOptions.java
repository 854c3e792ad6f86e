package org.personaworkbench.engine.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a campaign CSV is written: where, which feature columns, whether ids are hashed, whether a seeded holdout
 * flag is added, whether the file starts with a byte order mark for Excel, and whether the persona column is kept.
 *
 * @param target        the CSV file to write (replaced atomically when it exists)
 * @param columns       feature columns of the source's feature set, in order (empty: none)
 * @param hashSalt      salt for SHA-256 hashing of ids, or null to write ids as they are
 * @param holdoutShare  share of rows flagged as holdout, in [0, 1], or NaN for no holdout column
 * @param seed          seed of the holdout draw
 * @param excelBom      start the file with the UTF-8 byte order mark (EF BB BF) so Excel reads it as UTF-8
 * @param personaColumn write the {@code persona} column (each row's persona name, empty where there is none)
 */
public record ExportOptions(Path target, List<String> columns, String hashSalt, double holdoutShare, long seed,
                            boolean excelBom, boolean personaColumn) {

    public ExportOptions {
        Objects.requireNonNull(target, "target");
        columns = List.copyOf(columns);
        if (hashSalt != null && hashSalt.isEmpty()) {
            throw new IllegalArgumentException("The salt for hashing ids is empty: give a secret salt, "
                    + "otherwise anyone can recompute the hashes from known ids.");
        }
        if (!Double.isNaN(holdoutShare) && (holdoutShare < 0 || holdoutShare > 1)) {
            throw new IllegalArgumentException("The holdout share must be between 0 and 1, for example 0.1; got "
                    + holdoutShare + ".");
        }
    }

    /** Writes {@code target} with ids, segment and persona columns; no features, hashing or holdout. */
    public static ExportOptions to(Path target) {
        return new ExportOptions(target, List.of(), null, Double.NaN, 0, false, true);
    }

    public ExportOptions withColumns(List<String> value) {
        return new ExportOptions(target, value, hashSalt, holdoutShare, seed, excelBom, personaColumn);
    }

    /** Hash ids as hex SHA-256 of the UTF-8 bytes of {@code salt} followed by those of the id; null: no hashing. */
    public ExportOptions withHashSalt(String salt) {
        return new ExportOptions(target, columns, salt, holdoutShare, seed, excelBom, personaColumn);
    }

    /** Flag exactly round(share × rows) rows as holdout, drawn with {@code seed}. */
    public ExportOptions withHoldout(double share, long holdoutSeed) {
        return new ExportOptions(target, columns, hashSalt, share, holdoutSeed, excelBom, personaColumn);
    }

    public ExportOptions withExcelBom(boolean value) {
        return new ExportOptions(target, columns, hashSalt, holdoutShare, seed, value, personaColumn);
    }

    public ExportOptions withPersonaColumn(boolean value) {
        return new ExportOptions(target, columns, hashSalt, holdoutShare, seed, excelBom, value);
    }

    public boolean hashIds() {
        return hashSalt != null;
    }

    public boolean holdout() {
        return !Double.isNaN(holdoutShare);
    }
}
