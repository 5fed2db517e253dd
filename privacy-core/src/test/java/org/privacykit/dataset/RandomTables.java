package org.privacykit.dataset;

import java.util.SplittableRandom;

import org.privacykit.dataset.hierarchy.Hierarchy;

/** Random tables with hierarchies, from a seed, for property tests. */
final class RandomTables {
    static final Hierarchy AGE = Hierarchy.intervals(5, 10, 20).build();
    static final Hierarchy SEX = Hierarchy.tree().add("F", "*").add("M", "*").build();
    static final Hierarchy CITY = Hierarchy.tree()
            .add("Lyon", "France", "Europe", "*").add("Paris", "France", "Europe", "*")
            .add("Gdansk", "Poland", "Europe", "*").add("Krakow", "Poland", "Europe", "*")
            .add("Quebec", "Canada", "Americas", "*").add("Boston", "USA", "Americas", "*")
            .add("Denver", "USA", "Americas", "*").build();
    static final String[] CITIES = {"Lyon", "Paris", "Gdansk", "Krakow", "Quebec", "Boston", "Denver"};
    static final String[] SALARIES = {"low", "middle", "high"};

    private RandomTables() {
    }

    /** Rows with age, sex, city (quasi-identifiers, with hierarchies), salary (sensitive) and a name (identifier). */
    static Dataset table(long seed, int rows, boolean hierarchies) {
        SplittableRandom random = new SplittableRandom(seed);
        Dataset.Builder b = Dataset.table("name", "age", "sex", "city", "salary", "visits")
                .identifiers("name").quasiIdentifiers("age", "sex", "city").sensitiveAttribute("salary");
        if (hierarchies) {
            b.hierarchy("age", AGE).hierarchy("sex", SEX).hierarchy("city", CITY);
        }
        for (int r = 0; r < rows; r++) {
            int age = 18 + (int) Math.round(Math.abs(random.nextGaussian()) * 20) % 70;
            String city = CITIES[random.nextInt(random.nextInt(4) == 0 ? CITIES.length : 3)];
            b.addRow("person " + r, age, random.nextBoolean() ? "F" : "M", city,
                    SALARIES[random.nextInt(random.nextInt(3) == 0 ? 3 : 2)], random.nextInt(20));
        }
        return b.build();
    }
}
