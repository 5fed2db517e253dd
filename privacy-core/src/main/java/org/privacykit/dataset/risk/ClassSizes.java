package org.privacykit.dataset.risk;

import java.util.Map;
import java.util.SortedMap;

/** A sample's class-size histogram: sizes f and the number of classes c<sub>f</sub> of each size. */
final class ClassSizes {
    private final int[] size;
    private final int[] classes;
    private final long rows;
    private final long classCount;

    private ClassSizes(int[] size, int[] classes, long rows, long classCount) {
        this.size = size;
        this.classes = classes;
        this.rows = rows;
        this.classCount = classCount;
    }

    /** The sizes, increasing. */
    int[] size() {
        return size;
    }

    /** The number of classes of each size. */
    int[] classes() {
        return classes;
    }

    long rows() {
        return rows;
    }

    long classCount() {
        return classCount;
    }

    static ClassSizes of(SortedMap<Integer, Integer> histogram) {
        int[] size = new int[histogram.size()];
        int[] classes = new int[histogram.size()];
        long rows = 0;
        long count = 0;
        int i = 0;
        for (Map.Entry<Integer, Integer> e : histogram.entrySet()) {
            size[i] = e.getKey();
            classes[i] = e.getValue();
            rows += (long) size[i] * classes[i];
            count += classes[i];
            i++;
        }
        return new ClassSizes(size, classes, rows, count);
    }

    /** c<sub>f</sub>, the number of classes of size f. */
    long classesOfSize(int f) {
        for (int i = 0; i < size.length; i++) {
            if (size[i] == f) {
                return classes[i];
            }
        }
        return 0;
    }

    int largest() {
        return size.length == 0 ? 0 : size[size.length - 1];
    }
}
