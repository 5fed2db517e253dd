package org.privacykit.requests;

/** Where a {@link SubjectRequest} stands. */
public enum RequestStatus {
    /** Received; the requester's identity is not verified yet, so nothing is done. */
    RECEIVED,
    /** The requester is the data subject: the request may be carried out. */
    VERIFIED,
    /** Carried out and answered. */
    COMPLETED,
    /** Refused (manifestly unfounded or excessive, Art. 12(5), or identity never established), with a reason. */
    REFUSED
}
