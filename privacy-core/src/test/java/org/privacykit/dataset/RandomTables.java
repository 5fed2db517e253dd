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
    /** Salaries in two bands, for the hierarchical distance of t-closeness. */
    static final Hierarchy SALARY_BANDS = Hierarchy.tree().add("low", "lower", "*").add("middle", "upper", "*")
            .add("high", "upper", "*").build();
    static final String[] CITIES = {"Lyon", "Paris", "Gdansk", "Krakow", "Quebec", "Boston", "Denver"};
    static final String[] SALARIES = {"low", "middle", "high"};
    static final String[] COLUMNS = {"name", "age", "sex", "city", "salary", "visits"};

    private RandomTables() {
    }

    /** Rows with age, sex, city (quasi-identifiers, with hierarchies), salary (sensitive) and a name (identifier). */
    static Dataset table(long seed, int rows, boolean hierarchies) {
        SplittableRandom random = new SplittableRandom(seed);
        Dataset.Builder b = Dataset.table(COLUMNS).identifiers("name").quasiIdentifiers("age", "sex", "city")
                .sensitiveAttribute("salary");
        if (hierarchies) {
            b.hierarchy("age", AGE).hierarchy("sex", SEX).hierarchy("city", CITY);
        }
        for (int r = 0; r < rows; r++) {
            b.addRow(row(random, r));
        }
        return b.build();
    }

    /**
     * A sample of {@code rows} rows drawn from a population three times larger, both random: salary and
     * visits (a number) sensitive, with hierarchies, and the population attached for k-map, δ-presence and
     * journalist risk.
     */
    static Dataset sampleOfAPopulation(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        Dataset.Builder population = Dataset.table(COLUMNS).identifiers("name").quasiIdentifiers("age", "sex", "city");
        Dataset.Builder sample = Dataset.table(COLUMNS).identifiers("name").quasiIdentifiers("age", "sex", "city")
                .sensitiveAttribute("salary").sensitiveAttribute("visits")
                .hierarchy("age", AGE).hierarchy("sex", SEX).hierarchy("city", CITY);
        for (int r = 0; r < 3 * rows; r++) {
            Object[] row = row(random, r);
            population.addRow(row);
            if (r % 3 == 0) {
                sample.addRow(row);
            }
        }
        return sample.population(population.build()).build();
    }

    private static Object[] row(SplittableRandom random, int r) {
        int age = 18 + (int) Math.round(Math.abs(random.nextGaussian()) * 20) % 70;
        String city = CITIES[random.nextInt(random.nextInt(4) == 0 ? CITIES.length : 3)];
        return new Object[] {"person " + r, age, random.nextBoolean() ? "F" : "M", city,
            SALARIES[random.nextInt(random.nextInt(3) == 0 ? 3 : 2)], random.nextInt(20)};
    }
}
