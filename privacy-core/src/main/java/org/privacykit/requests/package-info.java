/**
 * Data subject requests as a workflow: each request is received with its legal deadline (GDPR
 * Art. 12(3)), its requester's identity checked through a hook, carried out from the field
 * declarations (access, rectification, erasure, restriction, objection, portability) and answered
 * with a report of what was done where, every step an audit event.
 */
@org.jspecify.annotations.NullMarked
package org.privacykit.requests;
