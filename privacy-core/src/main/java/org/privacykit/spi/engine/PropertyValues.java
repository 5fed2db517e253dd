package org.privacykit.spi.engine;

import org.privacykit.internal.PropertyAccess;
import org.privacykit.metadata.PropertyMetadata;

/**
 * Reads the value of a property in an instance, for privacy-kit's modules (field encryption, the
 * JPA listener, the Jackson adapters). Not API: the module exports this package to privacy-kit's
 * own modules only.
 */
public final class PropertyValues {
    private PropertyValues() {
    }

    /**
     * Reads the property of an instance.
     *
     * @param property the property
     * @param bean an instance of the property's owner
     * @return the value, possibly {@code null}
     * @throws IllegalStateException when the value cannot be read; the message names the property and
     *         the cause's type, never the cause's message
     */
    public static Object read(PropertyMetadata property, Object bean) {
        return PropertyAccess.read(property, bean);
    }
}
