package org.privacykit.requests;

/**
 * The application's hook that checks a requester is the data subject (GDPR Art. 12(6)) before a
 * request is carried out: a signed-in session, a one-time code sent to the address on file, an
 * identity document checked by staff. The evidence is whatever the application collected; it is
 * never recorded.
 */
@FunctionalInterface
public interface IdentityVerifier {

    /**
     * Checks the requester of a request.
     *
     * @param request the request, still {@link RequestStatus#RECEIVED}
     * @param evidence what the requester gave
     * @return the conclusion and how it was reached
     */
    IdentityCheck verify(SubjectRequest request, Object evidence);
}
