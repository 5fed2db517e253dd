package org.privacykit.spring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import org.privacykit.audit.AuditSink;
import org.privacykit.jpa.EncryptedEntities;
import org.privacykit.jpa.EncryptionJob;
import org.privacykit.jpa.JobProgress;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Re-encrypts, after a rotation, every entity with {@code @Encrypted} attributes in every
 * persistence unit where privacy-jpa is active: {@code EncryptionJob.reencrypt(type)} per entity, in
 * batches, resumable and audited ({@code REENCRYPTED}).
 */
public final class EntityReencryption {
    private final ObjectProvider<EntityManagerFactory> factories;
    private final AuditSink audit;

    EntityReencryption(ObjectProvider<EntityManagerFactory> factories, AuditSink audit) {
        this.factories = factories;
        this.audit = audit;
    }

    /**
     * Runs the re-encryption.
     *
     * @return per entity: rows scanned, values re-encrypted, rows that failed
     */
    public List<Map<String, Object>> run() {
        List<Map<String, Object>> report = new ArrayList<>();
        factories.orderedStream().forEach(emf -> {
            EncryptedEntities entities;
            try {
                entities = EncryptedEntities.of(emf);
            } catch (IllegalStateException privacyJpaInactive) {
                return;
            }
            for (EntityType<?> type : emf.getMetamodel().getEntities()) {
                Class<?> javaType = type.getJavaType();
                if (javaType != null && hasEncryptedAttribute(entities, javaType, type)) {
                    JobProgress done = EncryptionJob.reencrypt(javaType).auditSink(audit).build().run(emf);
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("entity", done.entity());
                    line.put("rowsScanned", done.rowsScanned());
                    line.put("valuesReencrypted", done.valuesReencrypted());
                    line.put("rowsFailed", done.rowsFailed());
                    report.add(line);
                }
            }
        });
        return report;
    }

    private static boolean hasEncryptedAttribute(EncryptedEntities entities, Class<?> javaType, EntityType<?> type) {
        for (Attribute<?, ?> attribute : type.getAttributes()) {
            if (entities.searchability(javaType, attribute.getName()).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
