package org.privacykit.inventory;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.PersonalDataType;

/**
 * The lint's name rules for names outside the code: a database column, a CSV header, a JSON key.
 * They are the rules {@link PrivacyLint} applies to unclassified fields ({@code email},
 * {@code date_of_birth}, {@code ssn}, a {@code name} in a {@code customer} table, a
 * {@code password}), so that discovery and lint agree on what looks personal.
 */
public final class NameRules {
    private NameRules() {
    }

    /**
     * What a name suggests a value holds.
     *
     * @param type the personal data type, or {@code null} when the name suggests a secret (a password, a token)
     */
    public record Suggestion(@Nullable PersonalDataType type) {
        /**
         * Returns the label reports use: the type's name, or {@code SECRET}.
         *
         * @return the label
         */
        public String label() {
            return type == null ? "SECRET" : type.name();
        }
    }

    /**
     * Tells what a named value looks like it holds.
     *
     * @param containerName the class or table the value belongs to ({@code customer} makes a bare
     *                      {@code name} a person's name)
     * @param name the field, column or key name, in any case convention
     * @param valueType the Java type of the value ({@code String.class} for text)
     * @return the suggestion, or empty when the name does not look personal
     */
    public static Optional<Suggestion> suggest(String containerName, String name, Class<?> valueType) {
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        PersonalNames.Guess guess = PersonalNames.guess(containerName, name, valueType);
        return guess == null ? Optional.empty() : Optional.of(new Suggestion(guess.type));
    }
}
