package org.privacykit.anonymize;

import static org.privacykit.anonymize.Transforms.requireKnown;
import static org.privacykit.anonymize.Transforms.unsupported;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.pseudonym.Pseudonymizer;

/**
 * PSEUDONYMIZE: a keyed HMAC-SHA256 token per field (or per type, {@link PseudonymScope}) for text;
 * a keyed UUID for a {@code UUID}; a keyed number for a {@code Long} or {@code Integer}. Subject ids
 * are pseudonymized in one domain for every class.
 */
final class PseudonymizeOperator {
    private final Pseudonymizer pseudonymizer;
    private final PseudonymScope scope;

    PseudonymizeOperator(Pseudonymizer pseudonymizer, PseudonymScope scope) {
        this.pseudonymizer = pseudonymizer;
        this.scope = scope;
    }

    Transforms.ValueTransform prepare(PropertyMetadata p) {
        String where = p.qualifiedName();
        requireKnown(where, Operator.PSEUDONYMIZE, p.elementClass(), String.class, UUID.class, Long.class, long.class,
                Integer.class, int.class);
        PersonalDataType type = p.classification().typeOrNull();
        // the field's name, or the context its @Encrypted declares (which survives renaming the field)
        String field = p.isEncrypted() ? p.encryption().context() : where;
        String domainName = scope == PseudonymScope.TYPE && type != null ? "type:" + type.name() : field;
        Pseudonymizer.Domain domain = pseudonymizer.domain(domainName);
        return (value, subject) -> pseudonym(domain, value, where);
    }

    /** The pseudonym of a subject id, in the domain every class shares; {@code null} for a type a pseudonym cannot hold. */
    @Nullable Object subjectId(Object value, String where) {
        if (value instanceof String || value instanceof UUID || value instanceof Long || value instanceof Integer) {
            return pseudonym(pseudonymizer.domain("@SubjectId"), value, where);
        }
        return null;
    }

    static @Nullable Object pseudonym(Pseudonymizer.Domain domain, Object value, String where) {
        if (value instanceof String) {
            return domain.pseudonymize((String) value);
        }
        if (value instanceof UUID) {
            UUID uuid = (UUID) value;
            ByteBuffer in = ByteBuffer.allocate(21).put("uuid:".getBytes(StandardCharsets.US_ASCII));
            in.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            ByteBuffer mac = ByteBuffer.wrap(domain.mac(in.array()));
            long msb = (mac.getLong() & ~0xF000L) | 0x8000L;                // version 8: custom (RFC 9562)
            long lsb = (mac.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // RFC 4122 variant
            return new UUID(msb, lsb);
        }
        if (value instanceof Long || value instanceof Integer) {
            byte[] mac = domain.mac(("number:" + value).getBytes(StandardCharsets.US_ASCII));
            long v = ByteBuffer.wrap(mac).getLong() & Long.MAX_VALUE;
            return value instanceof Long ? (Object) v : (Object) (int) (v & Integer.MAX_VALUE);
        }
        throw unsupported(where, Operator.PSEUDONYMIZE, value.getClass(), "text, UUID, Long, Integer");
    }
}
