package org.privacykit.inventory;

/**
 * Counts over a {@link DataInventory}, for a startup log line or a dashboard: they say how much
 * personal data the code holds and how much of it lacks a safeguard, never what the data is.
 */
public final class InventorySummary {
    private final int classes;
    private final int fields;
    private final int specialOrCriminal;
    private final int restricted;
    private final int encrypted;
    private final int withoutPurpose;
    private final int withoutRetention;

    InventorySummary(int classes, int fields, int specialOrCriminal, int restricted, int encrypted,
                     int withoutPurpose, int withoutRetention) {
        this.classes = classes;
        this.fields = fields;
        this.specialOrCriminal = specialOrCriminal;
        this.restricted = restricted;
        this.encrypted = encrypted;
        this.withoutPurpose = withoutPurpose;
        this.withoutRetention = withoutRetention;
    }

    /**
     * Returns the number of classes with protected fields.
     *
     * @return the count
     */
    public int classes() {
        return classes;
    }

    /**
     * Returns the number of protected field paths.
     *
     * @return the count
     */
    public int fields() {
        return fields;
    }

    /**
     * Returns the number of special-category (Art. 9) and criminal (Art. 10) fields.
     *
     * @return the count
     */
    public int specialOrCriminal() {
        return specialOrCriminal;
    }

    /**
     * Returns the number of RESTRICTED fields.
     *
     * @return the count
     */
    public int restricted() {
        return restricted;
    }

    /**
     * Returns the number of fields encrypted at rest.
     *
     * @return the count
     */
    public int encrypted() {
        return encrypted;
    }

    /**
     * Returns the number of personal-data fields without declared purposes.
     *
     * @return the count
     */
    public int withoutPurpose() {
        return withoutPurpose;
    }

    /**
     * Returns the number of personal-data fields without a retention period.
     *
     * @return the count
     */
    public int withoutRetention() {
        return withoutRetention;
    }

    @Override
    public String toString() {
        return fields + " protected fields in " + classes + " classes: " + specialOrCriminal
                + " special-category or criminal, " + restricted + " restricted, " + encrypted + " encrypted, "
                + withoutPurpose + " without purpose, " + withoutRetention + " without retention";
    }
}
