package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.personas.Personas;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.project.SegmentationRunInfo;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads what recommendations need from a project: interactions from a transactions, events or ratings dataset
 * (the customer-id and item-id roles from import; quantity or rating as the value; timestamp), the item
 * catalogue (text and category roles of the same or an item dataset) and each customer's persona (from the
 * newest segmentation run with personas, or the one named).
 */
public final class ProjectInteractions {

    private ProjectInteractions() {
    }

    /**
     * @param dataset      the dataset with customer id and item id roles, or null for the first such dataset
     * @param kind         how repeated events become strengths
     * @param halfLifeDays for {@link FeedbackKind#IMPLICIT_RECENCY}
     * @param run          segmentation run whose personas label users, or null for the newest with personas
     */
    public record Options(String dataset, FeedbackKind kind, double halfLifeDays, String run) {
        public Options {
            Objects.requireNonNull(kind, "kind");
        }

        /** The first dataset with item ids, implicit counts, the newest run with personas. */
        public static Options defaults() {
            return new Options(null, FeedbackKind.IMPLICIT_COUNT, 30, null);
        }

        public Options withDataset(String value) {
            return new Options(value, kind, halfLifeDays, run);
        }

        public Options withRun(String value) {
            return new Options(dataset, kind, halfLifeDays, value);
        }
    }

    /**
     * What was read: the interactions, the catalogue, user id → persona name, where they came from, and the
     * context shares for the contextual re-rank (pass them on with
     * {@link RecommenderOptions#withContextShares(Map)}; empty when the data has neither times nor a device column).
     */
    public record Loaded(Interactions interactions, ItemCatalog catalog, Map<String, String> personaOfUser,
                         String dataset, String run, Map<String, Map<String, Double>> contextShares) {
        public Loaded {
            personaOfUser = Map.copyOf(personaOfUser);
            contextShares = contextShares == null ? Map.of() : Map.copyOf(contextShares);
        }

        /** Without context shares (data read before the contextual re-rank, or built by hand). */
        public Loaded(Interactions interactions, ItemCatalog catalog, Map<String, String> personaOfUser,
                      String dataset, String run) {
            this(interactions, catalog, personaOfUser, dataset, run, Map.of());
        }

        /** The contexts a request may name, times of day first (see {@link ContextShares#names(Map)}). */
        public List<String> contexts() {
            return ContextShares.names(contextShares);
        }
    }

    /** Column names (case-insensitive) read as the device of each event, for "device:NAME" contexts. */
    static final List<String> DEVICE_COLUMNS = List.of("device", "device_type", "platform");

    /**
     * The zone in which an event's hour of day is read. Timestamps are stored as recorded (wall-clock, no zone)
     * and turned into epoch seconds as UTC on load, so reading them back in UTC gives the recorded hour; the
     * system default zone would shift a shop's morning by the analyst's offset.
     */
    public static final ZoneId TIME_OF_DAY_ZONE = ZoneOffset.UTC;

    /**
     * Rows without a customer or item, and rows with a quantity or amount of zero or less (returns and
     * cancellations), are left out: they are not a taste signal. The value is the quantity, else the amount,
     * else 1 per row.
     *
     * <p>Context shares: by time of day ({@link ContextShares#byTimeOfDay}, hours read in
     * {@link #TIME_OF_DAY_ZONE}, i.e. UTC = the recorded wall-clock hour) when rows have times, and by device
     * ("device:" + the lower-cased value) when the dataset has a text or category column named device, device_type
     * or platform (case-insensitive).
     *
     * @throws EngineException when no dataset has customer and item id roles
     *         (the message says which roles to set on import)
     */
    public static Loaded load(Project project, Options options, CancellationToken cancel) {
        DatasetInfo info = dataset(project, options.dataset());
        List<DatasetColumn> cols = info.columns();
        int customer = find(cols, ColumnRole.CUSTOMER_ID);
        int item = find(cols, ColumnRole.ITEM_ID);
        int value = find(cols, ColumnRole.QUANTITY);
        if (value < 0) {
            value = find(cols, ColumnRole.AMOUNT);
        }
        int time = find(cols, ColumnRole.TIMESTAMP);
        int text = find(cols, ColumnRole.TEXT);
        int category = find(cols, ColumnRole.CATEGORY);
        int device = deviceColumn(cols);
        int valueCol = value;
        Read read = project.query(info.name(), (connection, table, quoted) -> {
            String sql = "SELECT " + quoted.get(customer) + ", " + quoted.get(item) + ", "
                    + (valueCol >= 0 ? "CAST(" + quoted.get(valueCol) + " AS DOUBLE PRECISION)" : "NULL") + ", "
                    + (time >= 0 ? "CAST(" + quoted.get(time) + " AS TIMESTAMP)" : "NULL") + ", "
                    + (text >= 0 ? quoted.get(text) : "NULL") + ", "
                    + (category >= 0 ? quoted.get(category) : "NULL") + ", "
                    + (device >= 0 ? "CAST(" + quoted.get(device) + " AS VARCHAR)" : "NULL") + " FROM " + table;
            try (Statement lazy = connection.createStatement()) {
                lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            List<Interaction> events = new ArrayList<>();
            List<String> devices = new ArrayList<>();
            Map<String, String[]> catalog = new HashMap<>();
            try (PreparedStatement st = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                st.setFetchSize(10_000);
                try (ResultSet rows = st.executeQuery()) {
                    long n = 0;
                    while (rows.next()) {
                        if ((++n & 0x3FFF) == 0) {
                            cancel.throwIfCancelled();
                        }
                        Object c = rows.getObject(1);
                        Object i = rows.getObject(2);
                        if (i == null) {
                            continue;
                        }
                        String itemId = i.toString();
                        String title = rows.getString(5);
                        String cat = rows.getString(6);
                        String[] entry = catalog.computeIfAbsent(itemId, k -> new String[] {"", ""});
                        if (entry[0].isEmpty() && title != null && !title.isBlank()) {
                            entry[0] = title.trim();
                        }
                        if (entry[1].isEmpty() && cat != null && !cat.isBlank()) {
                            entry[1] = cat.trim();
                        }
                        if (c == null) {
                            continue; // the catalogue learns from anonymous rows, the interactions cannot
                        }
                        double v = rows.getDouble(3);
                        if (valueCol >= 0 && (rows.wasNull() || !(v > 0))) {
                            continue;
                        }
                        LocalDateTime at = rows.getObject(4, LocalDateTime.class);
                        events.add(new Interaction(c.toString(), itemId, valueCol >= 0 ? v : 1,
                                at == null ? Interaction.NO_TIME : at.toEpochSecond(ZoneOffset.UTC)));
                        String d = rows.getString(7);
                        devices.add(d == null || d.isBlank() ? null
                                : ContextShares.DEVICE + d.trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
            return new Read(events, devices, catalog);
        });
        cancel.throwIfCancelled();
        if (read.events().isEmpty()) {
            throw new EngineException("The dataset '" + info.name() + "' has no rows with a customer, an item and "
                    + "a positive quantity.");
        }
        Interactions interactions = Interactions.of(read.events(), options.kind(), options.halfLifeDays());
        Map<String, ItemCatalog.Item> items = new HashMap<>();
        read.catalog().forEach((id, e) -> items.put(id, new ItemCatalog.Item(id, e[0], e[0], e[1])));
        String run = personaRun(project, options.run());
        Map<String, String> personas = new HashMap<>();
        if (run != null) {
            Map<Integer, String> names = Personas.names(project, run);
            RunAssignments assignments = project.runAssignments(run);
            int[] labels = assignments.labels();
            for (int r = 0; r < labels.length; r++) {
                String name = names.get(labels[r]);
                if (name != null) {
                    personas.put(assignments.rowIds().get(r), name);
                }
            }
        }
        cancel.throwIfCancelled();
        return new Loaded(interactions, new ItemCatalog(items), personas, info.name(), run,
                contextShares(read, device >= 0));
    }

    private record Read(List<Interaction> events, List<String> devices, Map<String, String[]> catalog) {
    }

    /** Time-of-day shares, plus device shares when the dataset had a device column. */
    private static Map<String, Map<String, Double>> contextShares(Read read, boolean hasDevice) {
        Map<String, Map<String, Double>> shares = new HashMap<>(
                ContextShares.byTimeOfDay(read.events(), TIME_OF_DAY_ZONE));
        if (hasDevice) {
            shares.putAll(ContextShares.byIndex(read.events(), k -> read.devices().get(k)));
        }
        return shares;
    }

    /** The first text or category column named device, device_type or platform; −1 when none. */
    private static int deviceColumn(List<DatasetColumn> cols) {
        for (int i = 0; i < cols.size(); i++) {
            DatasetColumn c = cols.get(i);
            if ((c.type() == ColumnType.TEXT || c.role() == ColumnRole.CATEGORY)
                    && DEVICE_COLUMNS.contains(c.name().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static DatasetInfo dataset(Project project, String name) {
        if (name != null) {
            DatasetInfo info = project.dataset(name).orElseThrow(() -> new EngineException(
                    "The project " + project.file() + " has no dataset named '" + name + "'."));
            if (find(info.columns(), ColumnRole.CUSTOMER_ID) < 0 || find(info.columns(), ColumnRole.ITEM_ID) < 0) {
                throw missingRoles(name);
            }
            return info;
        }
        return project.datasets().stream()
                .filter(d -> find(d.columns(), ColumnRole.CUSTOMER_ID) >= 0 && find(d.columns(), ColumnRole.ITEM_ID) >= 0)
                .findFirst().orElseThrow(() -> missingRoles(null));
    }

    private static EngineException missingRoles(String name) {
        return new EngineException((name == null ? "No dataset of this project" : "The dataset '" + name + "'")
                + " has both a customer id and an item id column, which recommendations need. Import the "
                + "transactions again and mark them, for example: pwb import PROJECT --csv FILE --name transactions "
                + "--role CustomerID=customer_id --role StockCode=item_id");
    }

    /** The named run, or the newest run that has personas; null when none has. */
    private static String personaRun(Project project, String named) {
        if (named != null) {
            project.segmentationRun(named).orElseThrow(() -> new EngineException(
                    "The project " + project.file() + " has no segmentation run named '" + named + "'."));
            return named;
        }
        return project.segmentationRuns().stream()
                .sorted(Comparator.comparing(SegmentationRunInfo::createdAt).reversed())
                .filter(r -> !Personas.names(project, r.name()).isEmpty())
                .map(SegmentationRunInfo::name).findFirst().orElse(null);
    }

    private static int find(List<DatasetColumn> cols, ColumnRole role) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).role() == role) {
                return i;
            }
        }
        return -1;
    }
}
