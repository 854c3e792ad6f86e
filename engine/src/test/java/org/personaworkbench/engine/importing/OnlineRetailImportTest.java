package org.personaworkbench.engine.importing;

import org.personaworkbench.engine.SharedData;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real UCI Online Retail file (541,909 rows, gzip): inspect, then import through the in-memory fake,
 * and compare with the figures in ../shared/data/uci-online-retail/README.md. Skipped when ../shared (see
 * {@link SharedData}) is not beside this clone.
 */
@Tag("slow")
class OnlineRetailImportTest {

    private static final Path FILE = SharedData.file("data/uci-online-retail/online_retail.csv.gz")
            .orElse(Path.of("../shared/data/uci-online-retail/online_retail.csv.gz"));

    @Test
    void inspectsAndImportsTheWholeOnlineRetailFile() {
        assumeTrue(Files.isReadable(FILE), "the Online Retail file is not on this machine: " + FILE);

        CsvPreview preview = new CsvInspector().inspect(FILE, FormatOverrides.none());
        assertTrue(preview.format().gzip());
        assertTrue(preview.format().header());
        assertEquals(',', preview.format().delimiter());
        assertEquals("UTF-8", preview.format().encoding().name());
        assertEquals(List.of(
                new PreviewColumn("InvoiceNo", ColumnType.TEXT, null, ColumnRole.NONE, 0),
                new PreviewColumn("StockCode", ColumnType.TEXT, null, ColumnRole.ITEM_ID, 0),
                new PreviewColumn("Description", ColumnType.TEXT, null, ColumnRole.TEXT,
                        preview.columns().get(2).emptyInSample()),
                new PreviewColumn("Quantity", ColumnType.INTEGER, null, ColumnRole.QUANTITY, 0),
                new PreviewColumn("InvoiceDate", ColumnType.DATETIME, "yyyy-MM-dd HH:mm:ss", ColumnRole.TIMESTAMP, 0),
                new PreviewColumn("UnitPrice", ColumnType.DECIMAL, null, ColumnRole.PRICE, 0),
                new PreviewColumn("CustomerID", ColumnType.INTEGER, null, ColumnRole.CUSTOMER_ID,
                        preview.columns().get(6).emptyInSample()),
                new PreviewColumn("Country", ColumnType.TEXT, null, ColumnRole.CATEGORY, 0)),
                preview.columns());
        assertEquals(CsvInspector.INFERENCE_ROWS, preview.sampledRows());

        Totals totals = new Totals();
        FakeProject project = new FakeProject(false, totals::add);
        ImportResult result = new CsvImporter().importFile(project, FILE,
                ImportOptions.fromPreview(preview, "retail", BadRowPolicy.FAIL), Progress.NONE, CancellationToken.create());

        assertEquals(541_909, result.rows());
        assertEquals(0, result.rejected());
        assertEquals("737745256ddb4410bfe4e29f2dcb72329b7486e584837f1e84f9a07416cf7d45", result.sha256());
        assertEquals(135_080, totals.missingCustomers);
        assertEquals(1_454, totals.missingDescriptions);
        assertEquals(4_372, totals.customers.size());
        assertEquals(38, totals.countries.size());
        assertEquals(5_176_450, totals.quantity);
        assertEquals(new BigDecimal("9747747.93"), totals.revenue.setScale(2, RoundingMode.HALF_UP));
        assertEquals(LocalDateTime.of(2010, 12, 1, 8, 26), totals.first);
        assertEquals(LocalDateTime.of(2011, 12, 9, 12, 50), totals.last);
    }

    /** Checksums over the imported rows (the writer's array is reused, so nothing is kept but these). */
    private static final class Totals {
        long missingCustomers;
        long missingDescriptions;
        long quantity;
        BigDecimal revenue = BigDecimal.ZERO;
        final Set<Long> customers = new HashSet<>();
        final Set<String> countries = new HashSet<>();
        LocalDateTime first = LocalDateTime.MAX;
        LocalDateTime last = LocalDateTime.MIN;

        void add(Object[] row) {
            if (row[2] == null) {
                missingDescriptions++;
            }
            long q = (Long) row[3];
            quantity += q;
            revenue = revenue.add(BigDecimal.valueOf((Double) row[5]).multiply(BigDecimal.valueOf(q)));
            if (row[6] == null) {
                missingCustomers++;
            } else {
                customers.add((Long) row[6]);
            }
            countries.add((String) row[7]);
            LocalDateTime t = (LocalDateTime) row[4];
            first = t.isBefore(first) ? t : first;
            last = t.isAfter(last) ? t : last;
        }
    }
}
