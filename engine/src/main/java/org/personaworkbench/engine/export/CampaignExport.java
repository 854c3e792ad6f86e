package org.personaworkbench.engine.export;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.features.FeatureColumn;
import org.personaworkbench.engine.features.FeatureTable;
import org.personaworkbench.engine.features.FeatureTables;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.project.Project;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes the customers of a segment as a campaign CSV: {@code customer_id} (or {@code customer_id_hash}),
 * {@code segment}, {@code persona} (the row's persona name, empty where there is none; left out with
 * {@link ExportOptions#withPersonaColumn(boolean) withPersonaColumn(false)}), the chosen feature columns looked
 * up by customer id in the source's feature set (empty cells for a customer the feature set no longer has), and
 * {@code holdout} (true/false, see {@link HoldoutDraw}) when a holdout share is given. UTF-8, CRLF line ends,
 * optional BOM; cells as {@link CsvCells} says. The file is written to a temporary file in the target's folder
 * and moved into place (atomically where the file system can), so a failed or cancelled export leaves no partial
 * file and an older file of that name untouched.
 */
public final class CampaignExport {

    private static final int CHECK_EVERY = 1024;
    private static final int REPORT_EVERY = 4096;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CampaignExport() {
    }

    /**
     * Writes {@code source} to {@code options.target()}.
     *
     * @throws EngineException    when a column is unknown, the source has no feature set for columns, or the
     *                            file cannot be written (the message names which)
     * @throws org.personaworkbench.engine.common.CancelledException when cancelled; nothing was written
     */
    public static ExportResult write(Project project, ExportSource source, ExportOptions options, Progress progress,
                                     CancellationToken cancel) {
        long start = System.nanoTime();
        Path target = options.target().toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new EngineException("Cannot write " + target + ": the folder " + folder
                    + " does not exist. Create it or choose another --out.");
        }
        if (Files.isDirectory(target)) {
            throw new EngineException("Cannot write " + target + ": it is a folder. Give a file name such as "
                    + target.resolve("campaign.csv") + ".");
        }
        Lookup lookup = lookup(project, source, options.columns(), progress, cancel);
        List<FeatureColumn> features = lookup.columns();
        Map<String, Integer> featureRow = lookup.rowById();
        List<String> header = new ArrayList<>();
        header.add(options.hashIds() ? "customer_id_hash" : "customer_id");
        header.add("segment");
        if (options.personaColumn()) {
            header.add("persona");
        }
        features.forEach(c -> header.add(c.name()));
        if (options.holdout()) {
            header.add("holdout");
        }
        boolean[] holdout = options.holdout()
                ? HoldoutDraw.flags(source.customerIds(), options.holdoutShare(), options.seed()) : null;
        IdHashing hashing = options.hashIds() ? new IdHashing(options.hashSalt()) : null;
        int n = source.rows();

        long[] holdoutRows = {0};
        MessageDigest sha = sha256();
        AtomicFiles.writeBytes(target, stream -> {
            OutputStream file = new DigestOutputStream(stream, sha);
            Writer out = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), 1 << 16);
            if (options.excelBom()) {
                file.write(BOM);
            }
            StringBuilder line = new StringBuilder(256);
            for (int i = 0; i < header.size(); i++) {
                line.append(i == 0 ? "" : ",").append(CsvCells.text(header.get(i)));
            }
            out.append(line).append("\r\n");
            for (int r = 0; r < n; r++) {
                if (r % CHECK_EVERY == 0) {
                    cancel.throwIfCancelled();
                }
                if (r % REPORT_EVERY == 0) {
                    progress.report(r, n, String.format("Exported %,d of %,d rows", r, n));
                }
                line.setLength(0);
                String id = source.customerIds().get(r);
                line.append(CsvCells.text(hashing == null || id == null ? id : hashing.hash(id)));
                line.append(',').append(CsvCells.text(source.segmentLabels().get(r)));
                if (options.personaColumn()) {
                    line.append(',').append(CsvCells.text(source.personaNames().get(r)));
                }
                Integer at = features.isEmpty() || id == null ? null : featureRow.get(id);
                for (FeatureColumn c : features) {
                    line.append(',');
                    if (at != null) {
                        line.append(c.isText() ? CsvCells.text(c.texts()[at])
                                : CsvCells.number(c.numbers()[at], c.type() == ColumnType.INTEGER));
                    }
                }
                if (holdout != null) {
                    line.append(',').append(holdout[r]);
                    holdoutRows[0] += holdout[r] ? 1 : 0;
                }
                out.append(line).append("\r\n");
            }
            cancel.throwIfCancelled();
            out.flush();
        });
        progress.report(n, n, String.format("Exported %,d rows", n));
        return new ExportResult(target, n, holdoutRows[0], header, HexFormat.of().formatHex(sha.digest()),
                (System.nanoTime() - start) / 1e9);
    }

    /** The chosen feature columns and the row of each customer id in them. */
    private record Lookup(List<FeatureColumn> columns, Map<String, Integer> rowById) {
    }

    private static Lookup lookup(Project project, ExportSource source, List<String> names, Progress progress,
                                 CancellationToken cancel) {
        if (names.isEmpty()) {
            return new Lookup(List.of(), Map.of());
        }
        if (source.featureSet() == null) {
            throw new EngineException("The " + source.kind() + " '" + source.name() + "' has no feature set, so "
                    + "the columns " + names + " cannot be exported. Export it without columns.");
        }
        if (project.dataset(source.featureSet()).isEmpty()) {
            throw new EngineException("The feature set '" + source.featureSet() + "' of the " + source.kind() + " '"
                    + source.name() + "' is no longer in the project, so the columns " + names + " cannot be "
                    + "looked up. Recompute it or export without columns.");
        }
        progress.report(-1, -1, "Reading feature set '" + source.featureSet() + "'");
        FeatureTable table = FeatureTables.load(project, source.featureSet(), cancel);
        List<FeatureColumn> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(table.column(name.strip()).orElseThrow(() -> new EngineException("The feature set '"
                    + source.featureSet() + "' has no column '" + name.strip() + "'. Choose among: "
                    + String.join(", ", table.columnNames()) + ".")));
        }
        Map<String, Integer> rowById = new HashMap<>(table.rows() * 2);
        for (int r = 0; r < table.rows(); r++) {
            rowById.putIfAbsent(table.rowIds().get(r), r);
        }
        return new Lookup(chosen, rowById);
    }



    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
