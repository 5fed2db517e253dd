package org.privacykit.requests;

import java.lang.invoke.MethodType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.AuditSink;
import org.privacykit.consent.ConsentDecision;
import org.privacykit.consent.ConsentRecord;
import org.privacykit.consent.ConsentStore;
import org.privacykit.consent.PurposeCheck;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.rights.AccessExport;
import org.privacykit.rights.Erasure;
import org.privacykit.rights.SubjectRights;
import org.privacykit.spi.engine.GraphCopy;

/**
 * Data subject requests as a workflow, from the field declarations: a request is
 * {@linkplain #receive received} with its legal deadline, the requester's identity is
 * {@linkplain #verify verified} through the application's {@link IdentityVerifier}, then the request
 * is carried out, once, and answered with a {@link RequestReport} of what was done where:
 *
 * <ul>
 *   <li>{@link #access} (Art. 15) and {@link #portability} (Art. 20): an export in JSON and CSV, through
 *       {@link SubjectRights#export};</li>
 *   <li>{@link #rectify} (Art. 16): copies with the subject's named fields corrected;</li>
 *   <li>{@link #erase} (Art. 17): copies with the subject's data erased and their keys destroyed,
 *       through {@link SubjectRights#erase};</li>
 *   <li>{@link #restrict} (Art. 18) and {@link #object} (Art. 21): decisions recorded in the
 *       {@link ConsentStore}, so that every {@link PurposeCheck} over it refuses the processing from
 *       the next call.</li>
 * </ul>
 *
 * <pre>{@code
 * SubjectRequests requests = SubjectRequests.builder(rights, consents, (request, evidence) -> ...).build();
 * SubjectRequest r = requests.receive(RequestType.ERASURE, "c-1001");
 * r = requests.verify(r, oneTimeCode);
 * RequestReport report = requests.erase(r, SubjectData.of("crm", customers).and("helpdesk", tickets));
 * save(report.request()); storeBack(report.copies("crm")); archive(report.toJson());
 * }</pre>
 *
 * <p>Nothing is kept here: each step returns the request's new value for the application to store,
 * and {@link SubjectRequest#isOverdue} tells which stored requests are late. Every step is an audit
 * event ({@link AuditAction#SUBJECT_REQUEST}, and EXPORT, ERASE, RECTIFY or CONSENT_CHANGED for what
 * it does) and a line of the request's trail; none names a value. Immutable and thread-safe.
 */
public final class SubjectRequests {
    /** The store name of the {@link Done} lines about the subject's keys. */
    public static final String KEYS = "keys";
    /** The store name of the {@link Done} lines about consent decisions. */
    public static final String CONSENT = "consent";
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]|\\{(key:)?\\d+}");

    private final SubjectRights rights;
    private final ConsentStore consents;
    private final IdentityVerifier verifier;
    private final AuditSink audit;
    private final Clock clock;
    private final @Nullable String actor;
    private final String noticeVersion;

    private SubjectRequests(Builder b) {
        this.rights = b.rights;
        this.consents = b.consents;
        this.verifier = b.verifier;
        this.audit = b.audit;
        this.clock = b.clock;
        this.actor = b.actor;
        this.noticeVersion = b.noticeVersion;
    }

    /**
     * Starts the request workflow of an application.
     *
     * @param rights access and erasure (with the crypto-shredder that destroys keys, when there is one)
     * @param consents where restrictions and objections are recorded (the store the purpose checks read)
     * @param verifier checks that a requester is the data subject
     * @return a builder
     */
    public static Builder builder(SubjectRights rights, ConsentStore consents, IdentityVerifier verifier) {
        return new Builder(rights, consents, verifier);
    }

    /**
     * Receives a request: its deadline is one month from now.
     *
     * @param type the right exercised
     * @param subjectId the data subject the requester says they are
     * @return the request, {@link RequestStatus#RECEIVED}
     * @throws IllegalArgumentException when the subject id is blank
     */
    public SubjectRequest receive(RequestType type, String subjectId) {
        Objects.requireNonNull(type, "type");
        if (subjectId == null || subjectId.isBlank()) {
            throw new IllegalArgumentException("subjectId: a subject id is required");
        }
        Instant now = clock.instant();
        Instant deadline = SubjectRequest.deadline(now, SubjectRequest.DEADLINE_MONTHS);
        String id = "r-" + UUID.randomUUID();
        String what = type + " (" + type.article() + ") received, due " + deadline;
        SubjectRequest request = new SubjectRequest(id, type, subjectId.trim(), now, deadline, null,
                RequestStatus.RECEIVED, null, List.of(new RequestStep(now, what, actor)));
        record(request, what, now);
        return request;
    }

    /**
     * Checks the requester's identity through the {@link IdentityVerifier}. When it fails, the request
     * stays received (more evidence may be asked for, Art. 12(6)) and the trail says so.
     *
     * @param request a received request
     * @param evidence what the requester gave; never recorded
     * @return the request, {@link RequestStatus#VERIFIED} when the check passed
     * @throws IllegalStateException when the request is not {@link RequestStatus#RECEIVED}
     */
    public SubjectRequest verify(SubjectRequest request, Object evidence) {
        requireStatus(request, RequestStatus.RECEIVED, "verify the identity");
        Objects.requireNonNull(evidence, "evidence");
        IdentityCheck check = Objects.requireNonNull(verifier.verify(request, evidence), "the identity verifier's result");
        Instant now = clock.instant();
        String what = (check.verified() ? "identity verified by " : "identity not established by ") + check.method();
        SubjectRequest next = check.verified()
                ? request.next(RequestStatus.VERIFIED, null, request.deadline(), request.extensionReason(),
                new RequestStep(now, what, actor))
                : request.step(new RequestStep(now, what, actor));
        record(next, what, now);
        return next;
    }

    /**
     * Extends the deadline by two further months (Art. 12(3)), once, while the first month runs; the
     * subject must be told why within that month.
     *
     * @param request an open request
     * @param reason why (the complexity and number of requests), told to the subject
     * @return the request with its new deadline
     * @throws IllegalStateException when closed, already extended, or past the first deadline
     */
    public SubjectRequest extend(SubjectRequest request, String reason) {
        Objects.requireNonNull(request, "request");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: an extension needs a reason the subject is told");
        }
        if (!request.isOpen()) {
            throw new IllegalStateException(request.id() + " is " + request.status() + ": only an open request is extended");
        }
        if (request.extensionReason() != null) {
            throw new IllegalStateException(request.id() + " was already extended: the deadline is extended once,"
                    + " by " + SubjectRequest.EXTENSION_MONTHS + " months at most");
        }
        Instant now = clock.instant();
        if (now.isAfter(request.deadline())) {
            throw new IllegalStateException(request.id() + " is past its deadline: an extension is decided, and the"
                    + " subject told, within the first month");
        }
        Instant deadline = SubjectRequest.deadline(request.receivedAt(),
                SubjectRequest.DEADLINE_MONTHS + SubjectRequest.EXTENSION_MONTHS);
        String what = "deadline extended to " + deadline + ": " + reason.trim();
        SubjectRequest next = request.next(request.status(), null, deadline, reason.trim(), new RequestStep(now, what, actor));
        record(next, what, now);
        return next;
    }

    /**
     * Refuses a request (Art. 12(5): manifestly unfounded or excessive; or identity never established).
     *
     * @param request an open request
     * @param reason why, told to the subject with their right to complain
     * @return the request, {@link RequestStatus#REFUSED}
     * @throws IllegalStateException when already closed
     */
    public SubjectRequest refuse(SubjectRequest request, String reason) {
        Objects.requireNonNull(request, "request");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: a refusal needs a reason the subject is told");
        }
        if (!request.isOpen()) {
            throw new IllegalStateException(request.id() + " is already " + request.status());
        }
        Instant now = clock.instant();
        String what = "refused: " + reason.trim();
        SubjectRequest next = request.next(RequestStatus.REFUSED, now, request.deadline(), request.extensionReason(),
                new RequestStep(now, what, actor));
        record(next, what, now);
        return next;
    }

    /**
     * Answers an access request: every personal-data field of the subject in the stores.
     *
     * @param request a verified {@link RequestType#ACCESS} request
     * @param data the stores' objects
     * @return the report, with the export; the request is completed
     * @throws IllegalStateException when the request is of another type or not verified
     */
    public RequestReport access(SubjectRequest request, SubjectData data) {
        return export(request, RequestType.ACCESS, data);
    }

    /**
     * Answers a portability request: the fields the subject provided and that are processed on
     * consent or contract (Art. 20(1); a field that declares no basis counts as consent, as the purpose
     * check does), in JSON and CSV.
     *
     * @param request a verified {@link RequestType#PORTABILITY} request
     * @param data the stores' objects
     * @return the report, with the export; the request is completed
     * @throws IllegalStateException when the request is of another type or not verified
     */
    public RequestReport portability(SubjectRequest request, SubjectData data) {
        return export(request, RequestType.PORTABILITY, data);
    }

    private RequestReport export(SubjectRequest request, RequestType type, SubjectData data) {
        requireVerified(request, type);
        Objects.requireNonNull(data, "data");
        List<SubjectExport.Entry> entries = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int omitted = 0;
        for (Map.Entry<String, List<Object>> store : data.stores().entrySet()) {
            AccessExport export = rights.export(request.subjectId(), store.getValue());
            for (AccessExport.Field f : export.fields()) {
                if (type == RequestType.PORTABILITY && !portable(f)) {
                    omitted++;
                    continue;
                }
                entries.add(new SubjectExport.Entry(store.getKey(), f));
                counts.merge(store.getKey() + "\n" + generic(f.path()), 1, Integer::sum);
            }
        }
        Instant now = clock.instant();
        SubjectExport export = new SubjectExport(request.subjectId(), now, entries, omitted);
        List<Done> done = lines(counts, Done.Action.EXPORTED);
        return complete(request, done, Map.of(), export, entries.size() + " values exported"
                + (omitted == 0 ? "" : ", " + omitted + " not portable (basis neither consent nor contract)"));
    }

    private static boolean portable(AccessExport.Field f) {
        LegalBasis basis = f.legalBasis().orElse(LegalBasis.CONSENT);
        return basis == LegalBasis.CONSENT || basis == LegalBasis.CONTRACT;
    }

    /**
     * Answers an erasure request: copies of every store's objects with the subject's personal data
     * and secrets erased, and the subject's keys destroyed when the {@link SubjectRights} has a
     * crypto-shredder. The application stores the copies back.
     *
     * @param request a verified {@link RequestType#ERASURE} request
     * @param data the stores' objects
     * @return the report, with the copies; the request is completed
     * @throws IllegalStateException when the request is of another type or not verified
     */
    public RequestReport erase(SubjectRequest request, SubjectData data) {
        requireVerified(request, RequestType.ERASURE);
        Objects.requireNonNull(data, "data");
        String subject = request.subjectId();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Object> all = new ArrayList<>();
        for (Map.Entry<String, List<Object>> store : data.stores().entrySet()) {
            for (Object root : store.getValue()) {
                all.add(root);
                if (root == null) {
                    continue;
                }
                String prefix = root.getClass().getSimpleName();
                PrivacyMetadata.walk(root, (path, property, value, owner) -> {
                    if (subject.equals(owner)) {
                        counts.merge(store.getKey() + "\n" + generic(join(prefix, path)), 1, Integer::sum);
                    }
                });
            }
        }
        Erasure<Object> erasure = rights.erase(subject, all);
        Map<String, List<Object>> copies = new HashMap<>();
        int at = 0;
        for (Map.Entry<String, List<Object>> store : data.stores().entrySet()) {
            int n = store.getValue().size();
            copies.put(store.getKey(), erasure.objects().subList(at, at + n));
            at += n;
        }
        List<Done> done = lines(counts, Done.Action.ERASED);
        if (erasure.cryptoShredded()) {
            done.add(new Done(KEYS, "subject keys", Done.Action.KEYS_DESTROYED, 1));
        }
        return complete(request, done, copies, null, erasure.fieldsErased() + " values erased"
                + (erasure.cryptoShredded() ? ", keys destroyed" : ""));
    }

    /**
     * Answers a rectification request: copies of every store's objects in which the subject's values
     * of the named fields are replaced by the corrections. Other subjects' values, and everything else,
     * are unchanged; objects without a correction are shared with the originals.
     *
     * @param request a verified {@link RequestType#RECTIFICATION} request
     * @param data the stores' objects
     * @param corrections the new values by field, as {@code Class.property} ({@code "Customer.email"});
     *                    a value may be {@code null} to clear a field
     * @return the report, with the copies; the request is completed
     * @throws IllegalArgumentException when a correction names no protected field of the subject in the
     *         data, or its value does not fit the field's type (nothing is changed then)
     * @throws IllegalStateException when the request is of another type or not verified
     */
    public RequestReport rectify(SubjectRequest request, SubjectData data, Map<String, ? extends @Nullable Object> corrections) {
        requireVerified(request, RequestType.RECTIFICATION);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(corrections, "corrections");
        if (corrections.isEmpty()) {
            throw new IllegalArgumentException("corrections: name at least one field to correct");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, List<Object>> copies = new HashMap<>();
        Set<String> applied = new LinkedHashSet<>();
        for (Map.Entry<String, List<Object>> store : data.stores().entrySet()) {
            Rectifying policy = new Rectifying(request.subjectId(), corrections);
            List<Object> copied = new ArrayList<>(store.getValue().size());
            for (Object root : store.getValue()) {
                copied.add(GraphCopy.copy(root, policy));
            }
            copies.put(store.getKey(), copied);
            policy.counts.forEach((field, n) -> counts.merge(store.getKey() + "\n" + field, n, Integer::sum));
            applied.addAll(policy.counts.keySet());
        }
        List<String> unmatched = corrections.keySet().stream().filter(f -> !applied.contains(f)).sorted().toList();
        if (!unmatched.isEmpty()) {
            throw new IllegalArgumentException("corrections: no protected field of the subject matches " + unmatched
                    + " in " + data.stores().keySet() + "; name fields as Class.property");
        }
        Instant now = clock.instant();
        counts.forEach((key, n) -> audit.record(AuditEvent.builder(AuditAction.RECTIFY).time(now)
                .field(key.substring(key.indexOf('\n') + 1)).subject(request.subjectId()).actor(actor)
                .detail(request.id() + ": " + n + " values in " + key.substring(0, key.indexOf('\n'))).build()));
        List<Done> done = lines(counts, Done.Action.RECTIFIED);
        return complete(request, done, copies, null,
                done.stream().mapToInt(Done::count).sum() + " values rectified in " + applied.size() + " fields");
    }

    /**
     * Answers a restriction request: processing of the subject's data is restricted in the consent
     * store, so every purpose check refuses every purpose from the next call, until
     * {@link #liftRestriction}.
     *
     * @param request a verified {@link RequestType#RESTRICTION} request
     * @return the report; the request is completed
     * @throws IllegalStateException when the request is of another type or not verified
     */
    public RequestReport restrict(SubjectRequest request) {
        requireVerified(request, RequestType.RESTRICTION);
        decide(request, ConsentRecord.ALL_PURPOSES, ConsentDecision.RESTRICTED);
        return complete(request, List.of(new Done(CONSENT, ConsentRecord.ALL_PURPOSES, Done.Action.RESTRICTED, 1)),
                Map.of(), null, "processing restricted for every purpose");
    }

    /**
     * Lifts a restriction granted by a restriction request (the subject is told first, Art. 18(3)).
     *
     * @param request the completed {@link RequestType#RESTRICTION} request
     * @param reason why it is lifted
     * @return the report; the request keeps its status, its trail gains the step
     * @throws IllegalStateException when the request is of another type or was not completed
     */
    public RequestReport liftRestriction(SubjectRequest request, String reason) {
        Objects.requireNonNull(request, "request");
        if (request.type() != RequestType.RESTRICTION || request.status() != RequestStatus.COMPLETED) {
            throw new IllegalStateException(request.id() + " is a " + request.status() + " " + request.type()
                    + " request: only a completed RESTRICTION request's restriction is lifted");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: lifting a restriction needs a reason the subject is told");
        }
        decide(request, ConsentRecord.ALL_PURPOSES, ConsentDecision.RESTRICTION_LIFTED);
        Instant now = clock.instant();
        String what = "restriction lifted: " + reason.trim();
        SubjectRequest next = request.step(new RequestStep(now, what, actor));
        record(next, what, now);
        return new RequestReport(next, List.of(new Done(CONSENT, ConsentRecord.ALL_PURPOSES,
                Done.Action.RESTRICTION_LIFTED, 1)), Map.of(), null);
    }

    /**
     * Answers an objection: an objection to each purpose is recorded in the consent store, so the
     * purpose checks refuse those purposes from the next call (for fields on legitimate interests or a
     * public task, and on consent until the subject consents again; processing on contract or a legal
     * obligation is not stopped by an objection).
     *
     * @param request a verified {@link RequestType#OBJECTION} request
     * @param purposes the purposes objected to, or {@link ConsentRecord#ALL_PURPOSES}
     * @return the report; the request is completed
     * @throws IllegalStateException when the request is of another type or not verified
     */
    public RequestReport object(SubjectRequest request, String... purposes) {
        requireVerified(request, RequestType.OBJECTION);
        if (purposes.length == 0) {
            throw new IllegalArgumentException("purposes: name what the subject objects to");
        }
        Set<String> normalized = new LinkedHashSet<>();
        for (String p : purposes) {
            normalized.add(ConsentRecord.normalizePurpose(p));
        }
        List<Done> done = new ArrayList<>();
        for (String p : normalized) {
            decide(request, p, ConsentDecision.OBJECTED);
            done.add(new Done(CONSENT, p, Done.Action.OBJECTED, 1));
        }
        return complete(request, done, Map.of(), null, "objection recorded for " + normalized);
    }

    private void decide(SubjectRequest request, String purpose, ConsentDecision decision) {
        Instant now = clock.instant();
        consents.record(ConsentRecord.of(request.subjectId(), purpose, decision, now, noticeVersion,
                "request " + request.id()));
        audit.record(AuditEvent.builder(AuditAction.CONSENT_CHANGED).time(now).subject(request.subjectId())
                .purpose(purpose).actor(actor).detail(decision + " by request " + request.id()).build());
    }

    private RequestReport complete(SubjectRequest request, List<Done> done, Map<String, List<Object>> copies,
                                   @Nullable SubjectExport export, String summary) {
        Instant now = clock.instant();
        String what = "completed: " + summary + (now.isAfter(request.deadline()) ? " (late)" : "");
        SubjectRequest next = request.next(RequestStatus.COMPLETED, now, request.deadline(), request.extensionReason(),
                new RequestStep(now, what, actor));
        record(next, what, now);
        return new RequestReport(next, done, copies, export);
    }

    private void record(SubjectRequest request, String what, Instant now) {
        audit.record(AuditEvent.builder(AuditAction.SUBJECT_REQUEST).time(now).subject(request.subjectId()).actor(actor)
                .detail(request.id() + " " + request.type() + ": " + what).build());
    }

    private static void requireStatus(SubjectRequest request, RequestStatus status, String step) {
        Objects.requireNonNull(request, "request");
        if (request.status() != status) {
            throw new IllegalStateException(request.id() + " is " + request.status() + ": cannot " + step);
        }
    }

    private static void requireVerified(SubjectRequest request, RequestType type) {
        Objects.requireNonNull(request, "request");
        if (request.type() != type) {
            throw new IllegalStateException(request.id() + " is a " + request.type() + " request, not " + type);
        }
        if (request.status() == RequestStatus.RECEIVED) {
            throw new IllegalStateException(request.id() + " is RECEIVED: verify the requester's identity first");
        }
        requireStatus(request, RequestStatus.VERIFIED, "carry it out");
    }

    private static List<Done> lines(Map<String, Integer> counts, Done.Action action) {
        List<Done> done = new ArrayList<>();
        counts.forEach((key, n) -> {
            int cut = key.indexOf('\n');
            done.add(new Done(key.substring(0, cut), key.substring(cut + 1), action, n));
        });
        return done;
    }

    private static String join(String prefix, String path) {
        if (path.isEmpty()) {
            return prefix;
        }
        return path.startsWith("[") || path.startsWith("{") ? prefix + path : prefix + "." + path;
    }

    /** A concrete path without its indexes: {@code Customer.orders[2].zip} is {@code Customer.orders[].zip}. */
    static String generic(String path) {
        return INDEX.matcher(path).replaceAll(m -> m.group().startsWith("[") ? "[]" : "{}");
    }

    @Override
    public String toString() {
        return "SubjectRequests[" + rights + ", " + consents + "]";
    }

    /** The copy policy of a rectification: the subject's values of the named fields replaced. */
    private static final class Rectifying implements GraphCopy.Policy<RuntimeException> {
        private final String subject;
        private final Map<String, ? extends @Nullable Object> corrections;
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        Rectifying(String subject, Map<String, ? extends @Nullable Object> corrections) {
            this.subject = subject;
            this.corrections = corrections;
        }

        @Override
        public boolean copiesUnchanged() {
            return false;
        }

        @Override
        public GraphCopy.Mapping<RuntimeException> property(PropertyMetadata property, @Nullable Object value,
                                                            GraphCopy.Site<RuntimeException> site) {
            String name = property.qualifiedName();
            if (!property.isProtected() || !corrections.containsKey(name)
                    || !subject.equals(site.subjectId(property.classification().subjectRole()))) {
                return GraphCopy.Mapping.copy();
            }
            Object corrected = corrections.get(name);
            Class<?> type = MethodType.methodType(property.rawType()).wrap().returnType();
            if (corrected == null ? property.rawType().isPrimitive() : !type.isInstance(corrected)) {
                throw new IllegalArgumentException("corrections: " + name + " takes a " + property.rawType().getSimpleName()
                        + ", the correction is " + (corrected == null ? "null" : "a " + corrected.getClass().getSimpleName()));
            }
            counts.merge(name, 1, Integer::sum);
            return GraphCopy.Mapping.replace(corrected);
        }
    }

    /** Builds {@link SubjectRequests}. */
    public static final class Builder {
        private final SubjectRights rights;
        private final ConsentStore consents;
        private final IdentityVerifier verifier;
        private AuditSink audit = AuditSink.slf4j();
        private Clock clock = Clock.systemUTC();
        private @Nullable String actor;
        private String noticeVersion = "unversioned";

        private Builder(SubjectRights rights, ConsentStore consents, IdentityVerifier verifier) {
            this.rights = Objects.requireNonNull(rights, "rights");
            this.consents = Objects.requireNonNull(consents, "consents");
            this.verifier = Objects.requireNonNull(verifier, "verifier");
        }

        /**
         * Sets where the steps are recorded; the default is {@link AuditSink#slf4j()}.
         *
         * @param sink the sink
         * @return this builder
         */
        public Builder auditSink(AuditSink sink) {
            this.audit = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Sets the clock that dates requests and their deadlines; the default is the system clock in UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets who handles requests, for the trail and audit events.
         *
         * @param actor a user, team or job id
         * @return this builder
         */
        public Builder actor(String actor) {
            this.actor = Objects.requireNonNull(actor, "actor");
            return this;
        }

        /**
         * Sets the version of the privacy notice in force, recorded with the restrictions and
         * objections requests make; the default is {@code "unversioned"}.
         *
         * @param version the notice version
         * @return this builder
         */
        public Builder noticeVersion(String version) {
            this.noticeVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Builds the workflow.
         *
         * @return the workflow
         */
        public SubjectRequests build() {
            return new SubjectRequests(this);
        }
    }
}
