/**
 * Audit events ({@link org.privacykit.audit.AuditEvent}) for reveals, decryptions, exports, erasures
 * and key operations, and the {@link org.privacykit.audit.AuditSink} they go to. Events never hold
 * a personal value or key material.
 */
@NullMarked
package org.privacykit.audit;

import org.jspecify.annotations.NullMarked;
