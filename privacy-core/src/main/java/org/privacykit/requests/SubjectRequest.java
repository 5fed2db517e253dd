package org.privacykit.requests;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A data subject's request and where it stands: what right, whose data, when it was received, the
 * legal deadline (one month from receipt, GDPR Art. 12(3), once extendable by two further months with
 * a reason), the status and the trail of what was done. {@link SubjectRequests} makes and advances
 * requests; each step returns a new value, which the application stores (the record's components are
 * what a table needs, so a stored request can be rebuilt with the canonical constructor). Holds the
 * subject id and no personal data.
 *
 * @param id the request's id
 * @param type the right exercised
 * @param subjectId the data subject
 * @param receivedAt when it was received: the deadline runs from here
 * @param deadline when it must be answered
 * @param extensionReason why the deadline was extended, or {@code null} when it was not
 * @param status where it stands
 * @param closedAt when it was completed or refused, or {@code null} while open
 * @param trail what was done, oldest first
 */
public record SubjectRequest(String id, RequestType type, String subjectId, Instant receivedAt, Instant deadline,
                             @Nullable String extensionReason, RequestStatus status, @Nullable Instant closedAt,
                             List<RequestStep> trail) {
    /** Art. 12(3): a request is answered within one month of receipt. */
    public static final int DEADLINE_MONTHS = 1;
    /** Art. 12(3): the period may be extended by two further months where necessary. */
    public static final int EXTENSION_MONTHS = 2;

    /**
     * Validates a request.
     *
     * @throws IllegalArgumentException when the deadline is before receipt, or the status and
     *         {@code closedAt} disagree
     */
    public SubjectRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(status, "status");
        trail = List.copyOf(trail);
        if (deadline.isBefore(receivedAt)) {
            throw new IllegalArgumentException("deadline: before the request was received");
        }
        boolean closed = status == RequestStatus.COMPLETED || status == RequestStatus.REFUSED;
        if (closed != (closedAt != null)) {
            throw new IllegalArgumentException("closedAt: set exactly when the request is completed or refused");
        }
    }

    /**
     * Returns the deadline of a request received at a time: the same time of day, the given number
     * of months later in UTC (the last day of a shorter month when the day does not exist).
     *
     * @param receivedAt when it was received
     * @param months how many months
     * @return the deadline
     */
    public static Instant deadline(Instant receivedAt, int months) {
        return receivedAt.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    /**
     * Tells whether the request is still to be answered.
     *
     * @return {@code true} while received or verified
     */
    public boolean isOpen() {
        return closedAt == null;
    }

    /**
     * Tells whether the request is open past its deadline.
     *
     * @param now the current time
     * @return {@code true} when late
     */
    public boolean isOverdue(Instant now) {
        return isOpen() && now.isAfter(deadline);
    }

    /**
     * Returns how long is left before the deadline.
     *
     * @param now the current time
     * @return the time left, negative when overdue
     */
    public Duration timeLeft(Instant now) {
        return Duration.between(now, deadline);
    }

    /**
     * Tells whether the request was closed by its deadline.
     *
     * @return {@code true} when closed in time; {@code false} when open or closed late
     */
    public boolean closedInTime() {
        return closedAt != null && !closedAt.isAfter(deadline);
    }

    SubjectRequest next(RequestStatus newStatus, @Nullable Instant closed, Instant newDeadline,
                        @Nullable String extension, RequestStep step) {
        List<RequestStep> steps = new ArrayList<>(trail);
        steps.add(step);
        return new SubjectRequest(id, type, subjectId, receivedAt, newDeadline, extension, newStatus, closed, steps);
    }

    SubjectRequest step(RequestStep step) {
        return next(status, closedAt, deadline, extensionReason, step);
    }
}
