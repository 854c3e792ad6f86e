package org.personaworkbench.engine.recommendations;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Splits interactions per user into training and test cells as an {@link EvaluationProtocol} says, keeping the
 * user and item indexes of the full matrix in both parts (via {@link Interactions#filter}) so a model trained
 * on one is scored on the other without id look-ups. A user with two or more cells always keeps one in training.
 */
public final class Splits {

    private Splits() {
    }

    /** Training cells and held-out test cells, indexed as the full matrix. */
    public record Split(Interactions train, Interactions test) {
    }

    /** Same protocol and data ⇒ the same split (the seed drives every random choice, user by user). */
    public static Split split(Interactions all, EvaluationProtocol protocol) {
        SplittableRandom random = new SplittableRandom(protocol.seed());
        int[][] heldOut = new int[all.users()][];
        for (int u = 0; u < all.users(); u++) {
            int[] items = all.itemsOf(u);
            int n = items.length;
            int hold = switch (protocol.split()) {
                case RANDOM -> (int) Math.round(protocol.splitParameter() * n);
                case TEMPORAL -> (int) Math.round(protocol.splitParameter());
                case LEAVE_ONE_OUT -> 1;
            };
            hold = n >= 2 ? Math.max(0, Math.min(hold, n - 1)) : 0;
            int[] chosen;
            if (protocol.split() == SplitKind.TEMPORAL) {
                long[] times = all.timesOf(u);
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                // latest first; equal times: higher item index first, so the order is total and repeatable
                Arrays.sort(order, (a, b) -> times[a] != times[b] ? Long.compare(times[b], times[a])
                        : Integer.compare(items[b], items[a]));
                chosen = new int[hold];
                for (int i = 0; i < hold; i++) {
                    chosen[i] = items[order[i]];
                }
            } else {
                int[] shuffled = items.clone();
                for (int i = 0; i < hold; i++) {
                    int j = i + random.nextInt(n - i);
                    int t = shuffled[i];
                    shuffled[i] = shuffled[j];
                    shuffled[j] = t;
                }
                chosen = Arrays.copyOf(shuffled, hold);
            }
            Arrays.sort(chosen);
            heldOut[u] = chosen;
        }
        Interactions train = all.filter((u, i, v, t) -> Arrays.binarySearch(heldOut[u], i) < 0);
        Interactions test = all.filter((u, i, v, t) -> Arrays.binarySearch(heldOut[u], i) >= 0);
        return new Split(train, test);
    }

    /** Reads "random:0.2", "temporal:2", "loo" into a split kind and its parameter. */
    public static SplitSpec parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        String[] parts = t.split(":", 2);
        try {
            return switch (parts[0]) {
                case "random" -> new SplitSpec(SplitKind.RANDOM, parts.length > 1 ? Double.parseDouble(parts[1]) : 0.2);
                case "temporal" -> new SplitSpec(SplitKind.TEMPORAL, parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
                case "loo", "leave-one-out" -> new SplitSpec(SplitKind.LEAVE_ONE_OUT, 1);
                default -> throw new IllegalArgumentException("Unknown split '" + text
                        + "': use random:SHARE (random:0.2), temporal:N (temporal:2) or loo.");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The split '" + text + "' has no number after ':' "
                    + "(for example random:0.2 or temporal:2).", e);
        }
    }

    /** A split kind and its parameter as typed. */
    public record SplitSpec(SplitKind kind, double parameter) {
        public SplitSpec {
            if (kind == SplitKind.RANDOM && !(parameter > 0 && parameter < 1)) {
                throw new IllegalArgumentException("A random split holds out a share between 0 and 1, got "
                        + parameter + ".");
            }
            if (kind == SplitKind.TEMPORAL && parameter < 1) {
                throw new IllegalArgumentException("A temporal split holds out at least 1 interaction per user.");
            }
        }
    }
}
