package org.personaworkbench.engine.recommendations;

/**
 * The best {@code capacity} (id, score) pairs seen so far, in a primitive min-heap (no boxing, no sort of all
 * items): offering every item costs O(items · log n). Ties go to the smaller id, so results are deterministic.
 */
final class TopN {

    private final int capacity;
    private final int[] ids;
    private final double[] scores;
    private int size;

    TopN(int capacity) {
        this.capacity = Math.max(0, capacity);
        this.ids = new int[this.capacity];
        this.scores = new double[this.capacity];
    }

    /** Keeps the pair when it is among the best so far. */
    void offer(int id, double score) {
        if (size < capacity) {
            ids[size] = id;
            scores[size] = score;
            siftUp(size++);
        } else if (capacity > 0 && worse(ids[0], scores[0], id, score)) {
            ids[0] = id;
            scores[0] = score;
            siftDown(0, size);
        }
    }

    int size() {
        return size;
    }

    /** Empties the heap into best-first arrays: {@code ids} and {@code scores} of length {@link #size()}. */
    int[] drainIds(double[] scoresOut) {
        int n = size;
        int[] outIds = new int[n];
        // heap sort with the worst at the root: the worst goes last
        for (int end = n - 1; end >= 0; end--) {
            outIds[end] = ids[0];
            if (scoresOut != null) {
                scoresOut[end] = scores[0];
            }
            ids[0] = ids[end];
            scores[0] = scores[end];
            siftDown(0, end);
        }
        size = 0;
        return outIds;
    }

    /** True when (idA, a) ranks below (idB, b). */
    private static boolean worse(int idA, double a, int idB, double b) {
        return a < b || (a == b && idA > idB);
    }

    private void siftUp(int at) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!worse(ids[at], scores[at], ids[parent], scores[parent])) {
                return;
            }
            swap(at, parent);
            at = parent;
        }
    }

    private void siftDown(int at, int end) {
        while (true) {
            int left = 2 * at + 1;
            if (left >= end) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < end && worse(ids[right], scores[right], ids[left], scores[left])) {
                worst = right;
            }
            if (!worse(ids[worst], scores[worst], ids[at], scores[at])) {
                return;
            }
            swap(at, worst);
            at = worst;
        }
    }

    private void swap(int a, int b) {
        int id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
        double s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
    }
}
