/**
 * Mechanisms core's packages share and that are not API: reading a property's value, the byte form
 * of the built-in maskers, a JSON writer. The module never exports this package; other privacy-kit
 * modules reach what they need through {@link org.privacykit.spi.engine}. On the class path its
 * classes are visible, as any public class is: applications must not use them, and an architecture
 * test keeps them out of every public signature.
 */
@NullMarked
package org.privacykit.internal;

import org.jspecify.annotations.NullMarked;
