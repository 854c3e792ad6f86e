package org.personaworkbench.engine.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.DatasetWriter;
import org.personaworkbench.engine.project.FeatureSetInfo;
import org.personaworkbench.engine.project.FeatureSetRecipe;
import org.personaworkbench.engine.project.ImportLogEntry;
import org.personaworkbench.engine.project.Project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Computes RFM features per customer from a transactions dataset, with one {@code GROUP BY customer}
 * query inside H2, then scores each customer 1–5 on recency, frequency and monetary and names their
 * segment with {@link RfmSegments}.
 *
 * <p>Columns come from the dataset's roles: CUSTOMER_ID, TIMESTAMP, AMOUNT (or QUANTITY × PRICE), and
 * optionally ITEM_ID and CATEGORY. The order id is the first text or integer column whose name reads like
 * an invoice, order or transaction id ({@code invoice_no}, {@code InvoiceNo}, {@code order_id},
 * {@code transaction_id}…); without one, frequency counts distinct purchase timestamps. Rows without a
 * timestamp are skipped; rows without a customer id only count for the default reference date (the day
 * after the last timestamp of any row, found in the same pass); customers whose every line is cancelled
 * are skipped when cancelled lines are excluded.
 *
 * <p>Scores follow the pandas recipe {@code qcut(x.rank(method="first"), 5)}: customers are ranked by the
 * value with ties broken by customer id order, and the ranks cut into five equal bins, so equal values can
 * land in different quintiles but the outcome never depends on chance. Recency is scored the other way
 * round: the most recent fifth scores 5.
 */
public final class RfmFeatures {

    /** Feature set kind stored in the project. */
    public static final String KIND = "rfm";

    private static final Pattern ORDER_ID_NAME =
            Pattern.compile("(invoice|order|transaction|txn)(id|no|num|number|nr)?");

    private RfmFeatures() {
    }

    /**
     * Computes the features; saves nothing (see {@link #save}).
     *
     * @throws EngineException when the dataset is missing or lacks a required role
     */
    public static FeatureSet build(Project project, RfmOptions options, Progress progress, CancellationToken cancel) {
        DatasetInfo info = project.dataset(options.dataset()).orElseThrow(() -> new EngineException(
                "The project " + project.file() + " has no dataset named '" + options.dataset() + "'."));
        Roles roles = Roles.of(info);
        progress.report(0, 2, "Summing purchases per customer");
        cancel.throwIfCancelled();
        Sums sums = project.query(info.name(), (connection, table, columns) ->
                aggregate(connection, table, columns, roles, options.excludeCancelled()));
        cancel.throwIfCancelled();
        LocalDate reference = options.referenceDate() != null ? options.referenceDate()
                : defaultReference(sums.lastTimestamp());
        progress.report(1, 2, "Scoring " + sums.customers().size() + " customers");
        List<CustomerRfm> rows = score(sums.customers(), reference.atStartOfDay());
        progress.report(2, 2, "Computed RFM for " + rows.size() + " customers");
        return new FeatureSet(options.featureSet(), info.name(), reference, options, rows);
    }

    /**
     * Saves the feature set: its values as a dataset named like the feature set, then its recipe. If recording
     * the recipe fails, the values dataset is deleted again, so the project is left as it was.
     *
     * @throws EngineException when the name is already used by a dataset or feature set
     */
    public static FeatureSetInfo save(Project project, FeatureSet set, CancellationToken cancel) {
        if (project.hasDataset(set.name())) {
            throw new EngineException("The project already has a dataset or feature set named '" + set.name()
                    + "'. Choose another name with --name, or delete the old one.");
        }
        DatasetInfo saved;
        try (DatasetWriter writer = project.newDataset(set.name(), columns())) {
            Object[] row = new Object[FeatureSet.COLUMNS.size()];
            for (CustomerRfm c : set.customers()) {
                cancel.throwIfCancelled();
                row[0] = c.customerId();
                row[1] = c.recencyDays();
                row[2] = c.frequency();
                row[3] = c.monetary();
                row[4] = c.averageOrderValue();
                row[5] = c.tenureDays();
                row[6] = c.distinctItems();
                row[7] = c.distinctCategories();
                row[8] = c.returnsShare();
                row[9] = (long) c.rScore();
                row[10] = (long) c.fScore();
                row[11] = (long) c.mScore();
                row[12] = c.segment();
                writer.append(row);
            }
            saved = writer.commitFeatureSet(new ImportLogEntry(set.name(),
                    "features rfm from dataset '" + set.dataset() + "'", null, Instant.now(), set.customers().size(), 0,
                    null), new FeatureSetRecipe(set.dataset(), KIND, recipeJson(set)));
        }
        return project.featureSet(saved.name()).orElseThrow(
                () -> new IllegalStateException("feature set '" + saved.name() + "' was committed but not found"));
    }

    /** The recipe stored with a feature set: the options with the reference date resolved. */
    static String recipeJson(FeatureSet set) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", KIND);
        json.put("dataset", set.dataset());
        json.put("featureSet", set.name());
        json.put("referenceDate", set.referenceDate().toString());
        json.put("referenceDateGiven", set.options().referenceDate() != null);
        json.put("excludeCancelled", set.options().excludeCancelled());
        try {
            return new ObjectMapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<DatasetColumn> columns() {
        List<DatasetColumn> columns = new ArrayList<>();
        columns.add(new DatasetColumn("customer_id", ColumnType.TEXT, ColumnRole.CUSTOMER_ID));
        for (String name : FeatureSet.COLUMNS.subList(1, FeatureSet.COLUMNS.size() - 1)) {
            boolean decimal = name.equals("monetary") || name.equals("average_order_value")
                    || name.equals("returns_share");
            columns.add(new DatasetColumn(name, decimal ? ColumnType.DECIMAL : ColumnType.INTEGER, ColumnRole.NONE));
        }
        columns.add(new DatasetColumn("segment", ColumnType.TEXT, ColumnRole.CATEGORY));
        return columns;
    }

    /** Column indexes of the roles RFM uses; -1 when absent. */
    record Roles(String dataset, int customer, int timestamp, int amount, int quantity, int price, int item,
                 int category, int orderId, boolean orderIdText) {

        static Roles of(DatasetInfo info) {
            List<DatasetColumn> cols = info.columns();
            int customer = find(cols, ColumnRole.CUSTOMER_ID);
            int timestamp = find(cols, ColumnRole.TIMESTAMP);
            int amount = find(cols, ColumnRole.AMOUNT);
            int quantity = find(cols, ColumnRole.QUANTITY);
            int price = find(cols, ColumnRole.PRICE);
            if (customer < 0) {
                throw missingRole(info, "customer_id", "the column identifying the customer");
            }
            if (timestamp < 0) {
                throw missingRole(info, "timestamp", "the purchase date or time");
            }
            if (amount < 0 && (quantity < 0 || price < 0)) {
                throw missingRole(info, amount < 0 && quantity < 0 ? "amount" : "price",
                        "the amount of each line, or both quantity and price");
            }
            int orderId = -1;
            for (int i = 0; i < cols.size(); i++) {
                DatasetColumn c = cols.get(i);
                String key = c.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
                if ((c.type() == ColumnType.TEXT || c.type() == ColumnType.INTEGER) && i != customer
                        && ORDER_ID_NAME.matcher(key).matches()) {
                    orderId = i;
                    break;
                }
            }
            return new Roles(info.name(), customer, timestamp, amount, quantity, price,
                    find(cols, ColumnRole.ITEM_ID), find(cols, ColumnRole.CATEGORY), orderId,
                    orderId >= 0 && cols.get(orderId).type() == ColumnType.TEXT);
        }

        private static int find(List<DatasetColumn> cols, ColumnRole role) {
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).role() == role) {
                    return i;
                }
            }
            return -1;
        }

        private static EngineException missingRole(DatasetInfo info, String role, String what) {
            return new EngineException("The dataset '" + info.name() + "' has no column with the role '" + role
                    + "' (" + what + "), which RFM needs. Import it again and mark the column, for example: "
                    + "pwb import PROJECT --csv FILE --name " + info.name() + " --role COLUMN=" + role);
        }
    }

    private static LocalDate defaultReference(LocalDateTime lastTimestamp) {
        if (lastTimestamp == null) {
            throw new EngineException("The timestamp column of this dataset holds no values, so there is no "
                    + "default reference date. Give one with --reference-date YYYY-MM-DD.");
        }
        return lastTimestamp.toLocalDate().plusDays(1);
    }

    /** One customer's sums before scoring. */
    record Raw(String id, LocalDateTime first, LocalDateTime last, long frequency, double monetary, Long items,
               Long categories, double returnsShare) {
    }

    /** The per-customer sums, and the last timestamp of any row (with or without a customer, cancelled or not). */
    record Sums(List<Raw> customers, LocalDateTime lastTimestamp) {
    }

    /**
     * One pass: groups every row with a timestamp by customer. The group of rows without a customer only
     * contributes to the last timestamp, which gives the default reference date.
     */
    private static Sums aggregate(Connection connection, String table, List<String> cols, Roles roles,
                                  boolean excludeCancelled) throws SQLException {
        String customer = cols.get(roles.customer());
        String ts = "CAST(" + cols.get(roles.timestamp()) + " AS TIMESTAMP)";
        String amount = roles.amount() >= 0 ? "CAST(" + cols.get(roles.amount()) + " AS DOUBLE PRECISION)"
                : "(CAST(" + cols.get(roles.quantity()) + " AS DOUBLE PRECISION) * " + cols.get(roles.price()) + ")";
        List<String> cancelled = new ArrayList<>();
        if (roles.orderIdText()) {
            cancelled.add(cols.get(roles.orderId()) + " LIKE 'C%'");
        }
        if (roles.quantity() >= 0) {
            cancelled.add(cols.get(roles.quantity()) + " < 0");
        }
        String ok = !excludeCancelled || cancelled.isEmpty() ? "TRUE"
                : "NOT COALESCE(" + String.join(" OR ", cancelled) + ", FALSE)";
        String order = roles.orderId() >= 0 ? cols.get(roles.orderId()) : ts;
        boolean hasItem = roles.item() >= 0;
        boolean hasCategory = roles.category() >= 0;
        boolean hasQuantity = roles.quantity() >= 0;
        String sql = "SELECT CAST(CUST AS CHARACTER VARYING), MIN(CASE WHEN OK THEN TS END), MAX(CASE WHEN OK THEN TS END), "
                + "COUNT(DISTINCT CASE WHEN OK THEN ORD END), SUM(CASE WHEN OK THEN AMT END), "
                + (hasItem ? "COUNT(DISTINCT CASE WHEN OK THEN ITM END)" : "NULL") + ", "
                + (hasCategory ? "COUNT(DISTINCT CASE WHEN OK THEN CAT END)" : "NULL") + ", "
                + (hasQuantity ? "SUM(CASE WHEN QTY < 0 THEN 1 ELSE 0 END)" : "0") + ", COUNT(*), MAX(TS)"
                + " FROM (SELECT " + customer + " AS CUST, " + ts + " AS TS, "
                + order + " AS ORD, " + amount + " AS AMT, " + ok + " AS OK"
                + (hasItem ? ", " + cols.get(roles.item()) + " AS ITM" : "")
                + (hasCategory ? ", " + cols.get(roles.category()) + " AS CAT" : "")
                + (hasQuantity ? ", " + cols.get(roles.quantity()) + " AS QTY" : "")
                + " FROM " + table + " WHERE " + cols.get(roles.timestamp()) + " IS NOT NULL) GROUP BY CUST"
                + " HAVING CUST IS NULL OR SUM(CASE WHEN OK THEN 1 ELSE 0 END) > 0 ORDER BY CUST";
        List<Raw> out = new ArrayList<>();
        LocalDateTime lastOfAll = null;
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                LocalDateTime lastOfGroup = rows.getObject(10, LocalDateTime.class);
                if (lastOfAll == null || lastOfGroup.isAfter(lastOfAll)) {
                    lastOfAll = lastOfGroup;
                }
                String id = rows.getString(1);
                if (id == null) {
                    continue;
                }
                Long itemCount = rows.getObject(6) == null ? null : rows.getLong(6);
                Long categoryCount = rows.getObject(7) == null ? null : rows.getLong(7);
                out.add(new Raw(id, rows.getObject(2, LocalDateTime.class), rows.getObject(3, LocalDateTime.class),
                        rows.getLong(4), rows.getDouble(5), itemCount, categoryCount,
                        (double) rows.getLong(8) / rows.getLong(9)));
            }
        }
        return new Sums(out, lastOfAll);
    }

    /** Whole days from {@code from} to {@code to}, rounded down like pandas' {@code Timedelta.days}. */
    static long wholeDays(LocalDateTime from, LocalDateTime to) {
        long seconds = java.time.Duration.between(from, to).getSeconds();
        return Math.floorDiv(seconds, 86_400L);
    }

    private static List<CustomerRfm> score(List<Raw> raws, LocalDateTime reference) {
        List<Long> recency = raws.stream().map(x -> wholeDays(x.last(), reference)).toList();
        int[] r = quintiles(recency, Comparator.naturalOrder());
        int[] f = quintiles(raws, Comparator.comparingLong(Raw::frequency));
        int[] m = quintiles(raws, Comparator.comparingDouble(Raw::monetary));
        List<CustomerRfm> rows = new ArrayList<>(raws.size());
        for (int i = 0; i < raws.size(); i++) {
            Raw x = raws.get(i);
            int rScore = 6 - r[i];
            rows.add(new CustomerRfm(x.id(), recency.get(i), x.frequency(), x.monetary(),
                    x.frequency() == 0 ? 0 : x.monetary() / x.frequency(), wholeDays(x.first(), x.last()), x.items(),
                    x.categories(), x.returnsShare(), rScore, f[i], m[i], RfmSegments.segment(rScore, f[i], m[i])));
        }
        return rows;
    }

    /**
     * Quintile 1–5 of each element: like pandas {@code qcut(x.rank(method="first"), 5, labels=False) + 1},
     * ties ranked in list order (the list is in customer id order).
     */
    static <T> int[] quintiles(List<T> values, Comparator<T> order) {
        int n = values.size();
        Integer[] byValue = new Integer[n];
        for (int i = 0; i < n; i++) {
            byValue[i] = i;
        }
        // a stable sort keeps list order among equal values, which is rank(method="first")
        java.util.Arrays.sort(byValue, (a, b) -> order.compare(values.get(a), values.get(b)));
        int[] bins = new int[n];
        for (int rank0 = 0; rank0 < n; rank0++) {
            bins[byValue[rank0]] = quintileOfRank(rank0 + 1L, n);
        }
        return bins;
    }

    /** The qcut bin (1–5) of rank {@code rank} among 1..n: edges at 1 + (n − 1)·k/5, bins closed on the right. */
    static int quintileOfRank(long rank, long n) {
        int bin = 1;
        for (int k = 1; k <= 4; k++) {
            if (5 * (rank - 1) > (n - 1) * k) {
                bin++;
            }
        }
        return bin;
    }
}
