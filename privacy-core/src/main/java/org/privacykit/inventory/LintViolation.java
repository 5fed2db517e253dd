package org.privacykit.inventory;

/**
 * One finding of {@link PrivacyLint}: which class and field path, which rule, what is wrong and how
 * to fix it. Never holds a value. Immutable.
 */
public final class LintViolation {
    private final Class<?> type;
    private final String path;
    private final LintRule rule;
    private final String message;
    private final String fix;

    LintViolation(Class<?> type, String path, LintRule rule, String message, String fix) {
        this.type = type;
        this.path = path;
        this.rule = rule;
        this.message = message;
        this.fix = fix;
    }

    /**
     * Returns the class the path starts from.
     *
     * @return the class
     */
    public Class<?> type() {
        return type;
    }

    /**
     * Returns the field path from the class, empty for a finding about the class itself.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * Returns the rule.
     *
     * @return the rule
     */
    public LintRule rule() {
        return rule;
    }

    /**
     * Returns what is wrong.
     *
     * @return the message
     */
    public String message() {
        return message;
    }

    /**
     * Returns how to fix it.
     *
     * @return the fix
     */
    public String fix() {
        return fix;
    }

    /**
     * Returns {@code SimpleClassName.path}, or the class name alone for a class-level finding.
     *
     * @return the location
     */
    public String location() {
        return path.isEmpty() ? type.getSimpleName() : type.getSimpleName() + "." + path;
    }

    @Override
    public String toString() {
        return rule.id() + " " + rule.severity() + " " + location() + ": " + message + " Fix: " + fix;
    }
}
