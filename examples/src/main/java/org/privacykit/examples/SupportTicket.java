package org.privacykit.examples;

import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.FREE_TEXT;

import java.time.Instant;

import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;

/** A support ticket: free text that may mention anything about the customer. */
public final class SupportTicket {
    private final String ticketId;
    @SubjectId
    private final String customerId;
    @PersonalData(value = EMAIL, purposes = "support", legalBasis = LegalBasis.CONTRACT, retention = "P1Y")
    private final String replyTo;
    @PersonalData(value = FREE_TEXT, purposes = "support", legalBasis = LegalBasis.CONTRACT, retention = "P1Y")
    private final String message;
    private final Instant openedAt;

    /**
     * Creates a ticket.
     *
     * @param ticketId the ticket id
     * @param customerId the customer who opened it
     * @param replyTo where to answer
     * @param message what the customer wrote
     * @param openedAt when
     */
    public SupportTicket(String ticketId, String customerId, String replyTo, String message, Instant openedAt) {
        this.ticketId = ticketId;
        this.customerId = customerId;
        this.replyTo = replyTo;
        this.message = message;
        this.openedAt = openedAt;
    }

    /** @return the ticket id */
    public String ticketId() {
        return ticketId;
    }

    /** @return the customer id */
    public String customerId() {
        return customerId;
    }

    /** @return the reply address */
    public String replyTo() {
        return replyTo;
    }

    /** @return the message */
    public String message() {
        return message;
    }

    /** @return when the ticket was opened */
    public Instant openedAt() {
        return openedAt;
    }

    @Override
    public String toString() {
        return org.privacykit.mask.Masked.toString(this);
    }
}
