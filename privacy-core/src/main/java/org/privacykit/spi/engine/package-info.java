/**
 * privacy-kit's engine, shared by its own modules and not API: copies of objects with properties
 * replaced, property values, the byte form of the built-in masks (and the Jackson-free engine the
 * Jackson adapters write through). The module exports this package only to privacy-kit's modules
 * ({@code exports ... to}); on the class path it is visible, as any public class is, but applications
 * must not use it: it changes without notice, and an architecture test keeps it out of every public
 * signature of the user-facing packages.
 */
@NullMarked
package org.privacykit.spi.engine;

import org.jspecify.annotations.NullMarked;
