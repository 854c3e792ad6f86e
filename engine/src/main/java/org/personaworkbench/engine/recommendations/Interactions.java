package org.personaworkbench.engine.recommendations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * User–item strengths as an immutable sparse matrix (compressed rows: one row per user, items ascending), with
 * the ids behind the indexes and, per cell, the time of the latest interaction. Duplicate user–item events are
 * merged as {@link FeedbackKind} says. Models and evaluation work on indexes; ids are for people.
 */
public final class Interactions {

    private final List<String> userIds;
    private final List<String> itemIds;
    private final Map<String, Integer> userIndex;
    private final Map<String, Integer> itemIndex;
    private final int[] rowStart;
    private final int[] items;
    private final double[] values;
    private final long[] times;
    private final FeedbackKind kind;

    private Interactions(List<String> userIds, List<String> itemIds, int[] rowStart, int[] items, double[] values,
                         long[] times, FeedbackKind kind) {
        this.userIds = List.copyOf(userIds);
        this.itemIds = List.copyOf(itemIds);
        this.userIndex = indexOf(this.userIds);
        this.itemIndex = indexOf(this.itemIds);
        this.rowStart = rowStart;
        this.items = items;
        this.values = values;
        this.times = times;
        this.kind = kind;
    }

    /**
     * Builds the matrix from raw events. Users and items are numbered in order of first appearance.
     *
     * @param halfLifeDays for {@link FeedbackKind#IMPLICIT_RECENCY}: the age at which an event counts half
     */
    public static Interactions of(Collection<Interaction> events, FeedbackKind kind, double halfLifeDays) {
        Objects.requireNonNull(kind, "kind");
        Map<String, Integer> users = new HashMap<>();
        Map<String, Integer> itemsSeen = new HashMap<>();
        List<String> userIds = new ArrayList<>();
        List<String> itemIds = new ArrayList<>();
        long latest = Long.MIN_VALUE;
        for (Interaction e : events) {
            if (users.putIfAbsent(e.user(), users.size()) == null) {
                userIds.add(e.user());
            }
            if (itemsSeen.putIfAbsent(e.item(), itemsSeen.size()) == null) {
                itemIds.add(e.item());
            }
            latest = Math.max(latest, e.epochSecond());
        }
        List<Map<Integer, double[]>> rows = new ArrayList<>(userIds.size());
        for (int u = 0; u < userIds.size(); u++) {
            rows.add(new HashMap<>());
        }
        for (Interaction e : events) {
            Map<Integer, double[]> row = rows.get(users.get(e.user()));
            double[] cell = row.computeIfAbsent(itemsSeen.get(e.item()), i -> new double[] {0, Long.MIN_VALUE});
            double add = switch (kind) {
                case EXPLICIT -> 0;
                case IMPLICIT_COUNT -> e.value() > 0 ? e.value() : 1;
                case IMPLICIT_RECENCY -> (e.value() > 0 ? e.value() : 1) * decay(latest, e.epochSecond(), halfLifeDays);
            };
            if (kind == FeedbackKind.EXPLICIT) {
                if (e.epochSecond() >= (long) cell[1]) {
                    cell[0] = e.value();
                }
            } else {
                cell[0] += add;
            }
            cell[1] = Math.max(cell[1], e.epochSecond());
        }
        int[] rowStart = new int[userIds.size() + 1];
        for (int u = 0; u < rows.size(); u++) {
            rowStart[u + 1] = rowStart[u] + rows.get(u).size();
        }
        int nnz = rowStart[rows.size()];
        int[] items = new int[nnz];
        double[] values = new double[nnz];
        long[] times = new long[nnz];
        for (int u = 0; u < rows.size(); u++) {
            int[] keys = rows.get(u).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            int at = rowStart[u];
            for (int i : keys) {
                double[] cell = rows.get(u).get(i);
                items[at] = i;
                values[at] = cell[0];
                times[at] = (long) cell[1];
                at++;
            }
        }
        return new Interactions(userIds, itemIds, rowStart, items, values, times, kind);
    }

    private static double decay(long latest, long at, double halfLifeDays) {
        if (at == Interaction.NO_TIME || latest == Interaction.NO_TIME || !(halfLifeDays > 0)) {
            return 1;
        }
        double ageDays = (latest - at) / 86_400.0;
        return Math.pow(2, -ageDays / halfLifeDays);
    }

    /**
     * The same users and items (same indexes) with only the cells {@code keep} accepts: how evaluation splits
     * build a training matrix that models and test sets index alike.
     */
    public Interactions filter(CellFilter keep) {
        int[] newStart = new int[rowStart.length];
        int[] keptItems = new int[items.length];
        double[] keptValues = new double[items.length];
        long[] keptTimes = new long[items.length];
        int at = 0;
        for (int u = 0; u < users(); u++) {
            for (int j = rowStart[u]; j < rowStart[u + 1]; j++) {
                if (keep.keep(u, items[j], values[j], times[j])) {
                    keptItems[at] = items[j];
                    keptValues[at] = values[j];
                    keptTimes[at] = times[j];
                    at++;
                }
            }
            newStart[u + 1] = at;
        }
        return new Interactions(userIds, itemIds, newStart, Arrays.copyOf(keptItems, at),
                Arrays.copyOf(keptValues, at), Arrays.copyOf(keptTimes, at), kind);
    }

    /** Decides whether a cell stays (see {@link #filter}). */
    @FunctionalInterface
    public interface CellFilter {
        boolean keep(int user, int item, double value, long epochSecond);
    }

    public FeedbackKind kind() {
        return kind;
    }

    public int users() {
        return userIds.size();
    }

    public int items() {
        return itemIds.size();
    }

    /** Non-empty cells. */
    public int cells() {
        return items.length;
    }

    public String userId(int user) {
        return userIds.get(user);
    }

    public String itemId(int item) {
        return itemIds.get(item);
    }

    public List<String> userIds() {
        return userIds;
    }

    public List<String> itemIds() {
        return itemIds;
    }

    public OptionalInt userIndex(String id) {
        Integer i = userIndex.get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    public OptionalInt itemIndex(String id) {
        Integer i = itemIndex.get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** Number of items the user has a cell for. */
    public int rowSize(int user) {
        return rowStart[user + 1] - rowStart[user];
    }

    /** The user's items, ascending (a copy). */
    public int[] itemsOf(int user) {
        return Arrays.copyOfRange(items, rowStart[user], rowStart[user + 1]);
    }

    /** The user's strengths, aligned with {@link #itemsOf} (a copy). */
    public double[] valuesOf(int user) {
        return Arrays.copyOfRange(values, rowStart[user], rowStart[user + 1]);
    }

    /** The time of the latest interaction per cell, aligned with {@link #itemsOf} (a copy). */
    public long[] timesOf(int user) {
        return Arrays.copyOfRange(times, rowStart[user], rowStart[user + 1]);
    }

    /** True when the user has a cell for the item (binary search in the row). */
    public boolean has(int user, int item) {
        return Arrays.binarySearch(items, rowStart[user], rowStart[user + 1], item) >= 0;
    }

    private static Map<String, Integer> indexOf(List<String> ids) {
        Map<String, Integer> map = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            map.put(ids.get(i), i);
        }
        return map;
    }
}
