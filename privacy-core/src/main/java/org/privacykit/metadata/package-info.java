/**
 * The privacy metadata of classes, read once per class and cached: {@link
 * org.privacykit.metadata.PrivacyMetadata#of(Class)} gives each property's {@link
 * org.privacykit.metadata.Classification}, encryption and subject, and the protected fields reachable
 * from the class with their paths. Every other part of privacy-kit reads declarations through it.
 */
@NullMarked
package org.privacykit.metadata;

import org.jspecify.annotations.NullMarked;
