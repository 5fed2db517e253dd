package org.privacykit.dataset;

/**
 * Rows grouped by equal codes in several columns: the equivalence classes of a table. Built by
 * refining the grouping one column at a time, so any number of columns fits in {@code long} keys.
 */
final class Grouping {
    final int[] classOf;
    final int classes;
    final int[] sizes;

    private Grouping(int[] classOf, int classes) {
        this.classOf = classOf;
        this.classes = classes;
        this.sizes = new int[classes];
        for (int c : classOf) {
            sizes[c]++;
        }
    }

    /**
     * Groups rows.
     *
     * @param rows the number of rows
     * @param columns per column, the code of each row (codes from 0)
     * @return the grouping; classes are numbered in the order of their first row
     */
    static Grouping of(int rows, int[][] columns) {
        int[] ids = new int[rows];
        int count = rows == 0 ? 0 : 1;
        for (int[] column : columns) {
            LongIntMap map = new LongIntMap(Math.min(rows, Math.max(16, count * 4)));
            for (int r = 0; r < rows; r++) {
                ids[r] = map.idOf(((long) ids[r] << 32) | (column[r] & 0xFFFFFFFFL));
            }
            count = map.size();
        }
        if (columns.length == 0) {
            return new Grouping(ids, count);
        }
        return new Grouping(ids, count);
    }
}
