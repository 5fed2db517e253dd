package org.privacykit.spi.engine;

import org.jspecify.annotations.Nullable;

import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * A property written as the mapper writes it, with its owner as the subject scope: for the nested
 * objects of a class with a {@code @SubjectId}.
 *
 * @param property the property, or {@code null} when privacy-kit does not know it
 * @param owner the class holding it
 */
public record ScopePlan(@Nullable PropertyMetadata property, ClassMetadata owner) implements PropertyPlan {

    @Override
    public boolean scoped() {
        return true;
    }
}
