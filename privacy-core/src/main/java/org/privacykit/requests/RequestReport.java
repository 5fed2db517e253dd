package org.privacykit.requests;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.privacykit.internal.JsonWriter;

/**
 * What carrying out a request did, and where: the request as it now stands (store it), one
 * {@link Done} line per store and field (or purpose, or keys), the copies to store back after an
 * erasure or a rectification, and the export of an access or portability request.
 * {@link #toJson()} is the record to keep; it names fields, stores and counts, never a value.
 * Immutable.
 */
public final class RequestReport {
    private final SubjectRequest request;
    private final List<Done> done;
    private final Map<String, List<Object>> copies;
    private final @Nullable SubjectExport export;

    RequestReport(SubjectRequest request, List<Done> done, Map<String, List<Object>> copies,
                  @Nullable SubjectExport export) {
        this.request = request;
        this.done = List.copyOf(done);
        this.copies = Map.copyOf(copies);
        this.export = export;
    }

    /**
     * Returns the request after this step.
     *
     * @return the request
     */
    public SubjectRequest request() {
        return request;
    }

    /**
     * Returns what was done, store by store.
     *
     * @return an unmodifiable list
     */
    public List<Done> done() {
        return done;
    }

    /**
     * Returns the copies of one store's objects to store back (erasure, rectification), in the order given.
     *
     * @param store the store's name
     * @return the copies; empty for a store without changes or a request that changes nothing
     */
    public List<Object> copies(String store) {
        return copies.getOrDefault(store, List.of());
    }

    /**
     * Returns the export of an access or portability request.
     *
     * @return the export, or empty for other requests
     */
    public Optional<SubjectExport> export() {
        return Optional.ofNullable(export);
    }

    /**
     * Returns the report as JSON: the request ({@code id}, {@code type}, {@code article},
     * {@code subjectId}, {@code receivedAt}, {@code deadline}, {@code status}, {@code closedAt},
     * {@code closedInTime}) and {@code done}, each line with {@code store}, {@code target},
     * {@code action} and {@code count}.
     *
     * @return the JSON text, without any value of the subject
     */
    public String toJson() {
        JsonWriter json = new JsonWriter().beginObject()
                .name("id").value(request.id())
                .name("type").value(request.type().name())
                .name("article").value(request.type().article())
                .name("subjectId").value(request.subjectId())
                .name("receivedAt").value(request.receivedAt().toString())
                .name("deadline").value(request.deadline().toString())
                .name("extensionReason").value(request.extensionReason())
                .name("status").value(request.status().name())
                .name("closedAt").value(request.closedAt() == null ? null : request.closedAt().toString())
                .name("closedInTime").any(request.closedInTime())
                .name("done").beginArray();
        for (Done d : done) {
            json.beginObject().name("store").value(d.store()).name("target").value(d.target())
                    .name("action").value(d.action().name()).name("count").any(d.count()).endObject();
        }
        return json.endArray().endObject().toString();
    }

    @Override
    public String toString() {
        return "RequestReport[" + request.id() + " " + request.type() + " " + request.status() + ", " + done.size()
                + " lines]";
    }
}
