package org.privacykit.spi.engine;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.privacykit.mask.Maskers;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.pseudonym.Pseudonymizer;

/**
 * A property of the pseudonymizing mapper, for exports to analytics: a personal value or a subject id
 * written as keyed pseudonyms element by element, consistent per key and domain (scalars by their
 * text, other values by their JSON); a secret redacted; the keys of a map whose keys are declared
 * personal written as pseudonyms of their own domain ({@code Owner.property{key}}).
 */
public final class PseudonymPlan implements PropertyPlan {
    private final PropertyMetadata property;
    private final ClassMetadata owner;
    /** The values' domain; {@code null} redacts the value unless it is written plain. */
    private final Pseudonymizer.@Nullable Domain domain;
    /** The keys' domain, or {@code null} when the keys are not personal. */
    private final Pseudonymizer.@Nullable Domain keyDomain;
    private final boolean plainValues;

    PseudonymPlan(PropertyMetadata property, ClassMetadata owner, Pseudonymizer.@Nullable Domain domain,
                  boolean plainValues, Pseudonymizer.@Nullable Domain keyDomain) {
        this.property = property;
        this.owner = owner;
        this.domain = domain;
        this.plainValues = plainValues;
        this.keyDomain = keyDomain;
    }

    @Override
    public PropertyMetadata property() {
        return property;
    }

    @Override
    public ClassMetadata owner() {
        return owner;
    }

    /** Pseudonyms are keyed per domain, not per subject: nothing is scoped. */
    @Override
    public boolean scoped() {
        return false;
    }

    /**
     * Writes a non-null value.
     *
     * @param value the value
     * @param out the output
     * @param <X> what the output throws
     * @throws X when writing fails
     * @throws ProtectionException when a value cannot be pseudonymized (it holds an unpaired surrogate);
     *         the message names the field and the reason, never the value
     */
    public <X extends Exception> void write(Object value, JsonOutput<X> out) throws X, ProtectionException {
        if (domain == null && !plainValues) {
            out.string(Maskers.REDACTED);
            return;
        }
        new ContainerWalk<X>(out, keyDomain != null) {
            @Override
            void element(Object element) throws X, ProtectionException {
                String text = ScalarText.of(element);
                out.string(pseudonym(Objects.requireNonNull(domain), text == null ? out.json(element) : text, property));
            }

            @Override
            String key(@Nullable Object key) throws ProtectionException {
                String text = key == null ? null : ScalarText.of(key);
                return pseudonym(Objects.requireNonNull(keyDomain), text == null ? String.valueOf(key) : text,
                        Objects.requireNonNull(property.mapKey()));
            }

            @Override
            boolean elementsPlain() {
                return plainValues;
            }
        }.write(value);
    }

    private static String pseudonym(Pseudonymizer.Domain domain, String text, PropertyMetadata property)
            throws ProtectionException {
        try {
            return Objects.requireNonNull(domain.pseudonymize(text), "a pseudonym of a non-null value");
        } catch (IllegalArgumentException e) {
            // the pseudonymizer's message names the domain and the reason (invalid UTF-16), never the value
            throw new ProtectionException(property.qualifiedName() + ": cannot pseudonymize (" + e.getMessage() + ")", e);
        }
    }
}
