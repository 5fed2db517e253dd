package org.privacykit.jpa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.AuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.FieldCryptoException;
import org.privacykit.spi.MalformedCiphertextException;
import org.privacykit.spi.SubjectErasedException;

/**
 * A batch job over one entity's table that brings every row's encrypted columns up to date, in
 * identifier order, one transaction per batch:
 *
 * <ul>
 *   <li>{@link #reencrypt}: after a key rotation, moves every ciphertext still under an older key to
 *       the primary key (and a subject's values from ring keys to the subject's own key), recomputes
 *       stale blind indexes and re-wraps subject keys. Rows already current are not written, so a
 *       second run writes nothing.</li>
 *   <li>{@link #encryptPlaintext}: migrates columns that still hold clear text (an application
 *       adopting privacy-jpa): encrypts each clear value in place and computes blind indexes,
 *       leaving values that already decrypt for their attribute and row as they are. A value that
 *       looks like a ciphertext of this format but does not decrypt is reported, never
 *       re-encrypted.</li>
 * </ul>
 *
 * <pre>{@code
 * JobProgress done = EncryptionJob.reencrypt(Customer.class)
 *         .batchSize(500)
 *         .progress(p -> log.info("{}", p))       // after every committed batch
 *         .build()
 *         .run(emf);
 * }</pre>
 *
 * The job reads and writes columns with JPQL (scalar queries and bulk updates), outside any
 * persistence context, and each update is conditional on the row still holding what was read: a row
 * the application changed meanwhile is skipped and counted as a conflict (the application wrote it
 * under the primary key anyway). Resumable: start {@link Builder#startAfter} the last identifier a
 * progress report gave. The entity needs a single identifier attribute with an order (number,
 * string, UUID). Immutable; {@link #run} may be called again.
 */
public final class EncryptionJob {
    private static final int MAX_REPORTED_FAILURES = 100;

    private final Class<?> type;
    private final boolean migrate;
    private final int batchSize;
    private final Object startAfter;
    private final Consumer<JobProgress> progress;
    private final AuditSink audit;

    private EncryptionJob(Builder b) {
        this.type = b.type;
        this.migrate = b.migrate;
        this.batchSize = b.batchSize;
        this.startAfter = b.startAfter;
        this.progress = b.progress;
        this.audit = b.audit;
    }

    /**
     * Starts a re-encryption job: moves an entity's encrypted columns to the primary key.
     *
     * @param type the entity class
     * @return a builder
     */
    public static Builder reencrypt(Class<?> type) {
        return new Builder(type, false);
    }

    /**
     * Starts a migration job: encrypts an entity's columns that still hold clear text, in place.
     * Widen the columns first (see the README's column sizes).
     *
     * @param type the entity class
     * @return a builder
     */
    public static Builder encryptPlaintext(Class<?> type) {
        return new Builder(type, true);
    }

    /**
     * Runs the job to the end of the table.
     *
     * @param emf the persistence unit, configured with privacy-jpa
     * @return the final progress, {@link JobProgress#isFinished() finished}
     * @throws IllegalArgumentException when the entity has no encrypted attribute or no single identifier
     */
    public JobProgress run(EntityManagerFactory emf) {
        EncryptedEntities entities = EncryptedEntities.of(emf);
        EntityModel model = entities.model(type);
        if (model.idAttribute == null) {
            throw new IllegalArgumentException(model.name() + ": an EncryptionJob needs a single identifier attribute");
        }
        Run run = new Run(model, entities.encryptor());
        Object after = startAfter;
        while (true) {
            Object from = after;
            int read = emf.callInTransaction(em -> run.batch(em, from));
            after = run.lastId;
            boolean finished = read < batchSize;
            JobProgress report = run.report(finished);
            if (progress != null) {
                progress.accept(report);
            }
            if (finished) {
                return report;
            }
        }
    }

    @Override
    public String toString() {
        return "EncryptionJob[" + (migrate ? "encryptPlaintext " : "reencrypt ") + type.getSimpleName() + ", batches of " + batchSize + "]";
    }

    /** One run's state: the query, the counters. */
    private final class Run {
        private final EntityModel model;
        private final FieldEncryptor encryptor;
        private final List<String> columns = new ArrayList<>();
        private final String select;
        private Object lastId;
        private long scanned;
        private long updated;
        private long encrypted;
        private long reencrypted;
        private long indexes;
        private long erased;
        private long conflicts;
        private long failed;
        private final List<Object> failedIds = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();

        Run(EntityModel model, FieldEncryptor encryptor) {
            this.model = model;
            this.encryptor = encryptor;
            for (EntityModel.Attribute a : model.encrypted) {
                columns.add(a.name);
            }
            for (EntityModel.Index i : model.indexes) {
                columns.add(i.name);
            }
            for (EntityModel.Subject s : model.subjects) {
                if (!s.identifier && !columns.contains(s.attribute)) {
                    columns.add(s.attribute);
                }
            }
            StringBuilder q = new StringBuilder("select e.").append(model.idAttribute);
            for (String c : columns) {
                q.append(", e.").append(c);
            }
            this.select = q.append(" from ").append(model.jpaName).append(" e").toString();
        }

        int batch(EntityManager em, Object after) {
            String order = " order by e." + model.idAttribute;
            TypedQuery<Object[]> query = after == null ? em.createQuery(select + order, Object[].class)
                    : em.createQuery(select + " where e." + model.idAttribute + " > :after" + order, Object[].class)
                            .setParameter("after", after);
            List<Object[]> rows = query.setMaxResults(batchSize).getResultList();
            long updatedBefore = updated;
            long encryptedBefore = encrypted;
            long reencryptedBefore = reencrypted;
            Set<String> rewrapped = new HashSet<>();
            for (Object[] row : rows) {
                scanned++;
                lastId = row[0];
                try {
                    row(em, row, rewrapped);
                } catch (FieldCryptoException e) {
                    fail(row[0], e.field(), EncryptionListener.reason(e));
                } catch (EncryptedAttributeException e) {
                    fail(row[0], e.entity() + "." + e.attribute(), e.getMessage().substring(e.entity().length() + e.attribute().length() + 3));
                }
            }
            if (updated > updatedBefore) {
                audit.record(AuditEvent.builder(AuditAction.REENCRYPTED).field(model.name()).actor("EncryptionJob")
                        .detail((updated - updatedBefore) + " rows updated: " + (encrypted - encryptedBefore) + " clear values encrypted, "
                                + (reencrypted - reencryptedBefore) + " values re-encrypted to key "
                                + String.format("k-%08x", encryptor.keyRing().primaryKeyId()))
                        .build());
            }
            return rows.size();
        }

        private void fail(Object id, String field, String reason) {
            failed++;
            if (failedIds.size() < MAX_REPORTED_FAILURES) {
                failedIds.add(id);
                failures.add(field + ": " + reason);
            }
        }

        private void row(EntityManager em, Object[] row, Set<String> rewrapped) throws FieldCryptoException {
            Object id = row[0];
            Map<String, Object> stored = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                stored.put(columns.get(i), row[i + 1]);
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            Map<String, String> clear = new LinkedHashMap<>();
            String[] subjects = new String[model.subjects.size()];
            for (EntityModel.Subject s : model.subjects) {
                if (s.encrypted == null) {
                    Object v = s.identifier ? id : stored.get(s.attribute);
                    subjects[s.ordinal] = v == null ? null : v.toString();
                }
            }
            for (EntityModel.Attribute a : model.encrypted) {
                Object value = stored.get(a.name);
                if (!(value instanceof String)) {
                    continue;
                }
                String subject = a.subject == null ? null : subjects[a.subject.ordinal];
                FieldContext field = a.context(subject);
                String ciphertext = (String) value;
                String plain;
                if (migrate) {
                    try {
                        plain = encryptor.decrypt(field, ciphertext);
                    } catch (MalformedCiphertextException e) {
                        // clear text: normalized as the listener stores it (a subject id too: the row's
                        // other values are then bound to its normalized form, as on insert)
                        plain = a.normalize(ciphertext);
                        changes.put(a.name, encryptor.encrypt(field, plain));
                        encrypted++;
                    } catch (SubjectErasedException e) {
                        erased++;
                        continue;
                    }
                } else {
                    boolean stale = encryptor.needsReencryption(field, ciphertext);
                    if (!stale && model.indexOf(a.name) == null && !a.isSubjectId) {
                        continue;
                    }
                    try {
                        plain = encryptor.decrypt(field, ciphertext);
                    } catch (SubjectErasedException e) {
                        erased++;
                        continue;
                    }
                    if (stale) {
                        changes.put(a.name, encryptor.encrypt(field, plain));
                        reencrypted++;
                    }
                }
                clear.put(a.name, plain);
                if (a.isSubjectId) {
                    for (EntityModel.Subject s : model.subjects) {
                        if (s.encrypted == a) {
                            subjects[s.ordinal] = plain;
                        }
                    }
                }
            }
            for (EntityModel.Index i : model.indexes) {
                Object source = stored.get(i.source.name);
                String plain = clear.get(i.source.name);
                if (source != null && plain == null) {
                    continue; // erased subject: leave as is
                }
                String expected = plain == null ? null : i.index.compute(i.source.context, plain);
                if (!Objects.equals(expected, stored.get(i.name))) {
                    changes.put(i.name, expected);
                    indexes++;
                }
            }
            if (!migrate) {
                for (EntityModel.Subject s : model.subjects) {
                    String subject = subjects[s.ordinal];
                    if (subject != null && rewrapped.add(subject)) {
                        encryptor.rewrapSubjectKey(subject);
                    }
                }
            }
            if (changes.isEmpty()) {
                return;
            }
            write(em, id, stored, changes);
        }

        private void write(EntityManager em, Object id, Map<String, Object> stored, Map<String, Object> changes) {
            StringBuilder jpql = new StringBuilder("update ").append(model.jpaName).append(" e set ");
            Map<String, Object> parameters = new LinkedHashMap<>();
            int n = 0;
            for (Map.Entry<String, Object> c : changes.entrySet()) {
                String p = "v" + n++;
                jpql.append(n > 1 ? ", " : "").append("e.").append(c.getKey()).append(" = :").append(p);
                parameters.put(p, c.getValue());
            }
            jpql.append(" where e.").append(model.idAttribute).append(" = :id");
            parameters.put("id", id);
            // the row must still hold what was read: every encrypted column, so a concurrent write wins
            int k = 0;
            for (EntityModel.Attribute a : model.encrypted) {
                Object old = stored.get(a.name);
                if (old == null) {
                    jpql.append(" and e.").append(a.name).append(" is null");
                } else {
                    String p = "o" + k++;
                    jpql.append(" and e.").append(a.name).append(" = :").append(p);
                    parameters.put(p, old);
                }
            }
            Query update = em.createQuery(jpql.toString());
            parameters.forEach(update::setParameter);
            if (update.executeUpdate() == 0) {
                conflicts++;
            } else {
                updated++;
            }
        }

        JobProgress report(boolean finished) {
            return new JobProgress(model.name(), scanned, updated, encrypted, reencrypted, indexes, erased, conflicts, failed,
                    failedIds, failures, lastId, finished);
        }
    }

    /** Builds an {@link EncryptionJob}. */
    public static final class Builder {
        private final Class<?> type;
        private final boolean migrate;
        private int batchSize = 500;
        private Object startAfter;
        private Consumer<JobProgress> progress;
        private AuditSink audit = AuditSink.slf4j();

        private Builder(Class<?> type, boolean migrate) {
            this.type = Objects.requireNonNull(type, "type");
            this.migrate = migrate;
        }

        /**
         * Sets how many rows each transaction reads; the default is 500.
         *
         * @param rows the batch size, at least 1
         * @return this builder
         */
        public Builder batchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("the batch size must be at least 1, was " + rows);
            }
            this.batchSize = rows;
            return this;
        }

        /**
         * Resumes after a row: only rows with a greater identifier are processed.
         *
         * @param id the {@link JobProgress#lastId()} of an earlier run
         * @return this builder
         */
        public Builder startAfter(Object id) {
            this.startAfter = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets a callback that receives the progress after every committed batch.
         *
         * @param callback the callback
         * @return this builder
         */
        public Builder progress(Consumer<JobProgress> callback) {
            this.progress = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /**
         * Sets where each batch that wrote rows is audited ({@code REENCRYPTED}, with counts); the
         * default is {@link AuditSink#slf4j()}.
         *
         * @param sink the audit sink
         * @return this builder
         */
        public Builder auditSink(AuditSink sink) {
            this.audit = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Builds the job.
         *
         * @return the job, immutable
         */
        public EncryptionJob build() {
            return new EncryptionJob(this);
        }
    }
}
