package org.privacykit.jackson;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.metadata.RedactedException;
import org.privacykit.spi.engine.EncryptPlan;
import org.privacykit.spi.engine.ProtectionException;
import org.privacykit.spi.engine.ReadPlan;
import org.privacykit.spi.engine.SubjectScope;

/**
 * Reads an object of the encrypting mapper as its {@link ReadPlan} says: buffers its tokens, reads its
 * subject ids (which may come after the fields they bind), decrypts each {@code @Encrypted} property
 * back to the JSON it was written from, and hands the result to Jackson's own deserializer, which
 * reads it to the declared type. While that runs, the object's subject ids are the innermost subject
 * scope for nested objects.
 */
final class DecryptingDeserializer extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    private final transient ReadPlan plan;
    private final transient JsonFactory json;

    DecryptingDeserializer(JsonDeserializer<?> delegate, ReadPlan plan, JsonFactory json) {
        super(delegate);
        this.plan = plan;
        this.json = json;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
        return new DecryptingDeserializer(delegate, plan, json);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.START_OBJECT && token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
            if (token == JsonToken.START_ARRAY && plan.hasEncrypted()) {
                throw JsonMappingException.from(ctxt, plan.metadata().type().getSimpleName()
                        + ": objects with @Encrypted properties are read from JSON objects, not arrays");
            }
            return super.deserialize(p, ctxt);
        }
        TokenBuffer raw = ctxt.bufferForInputBuffering(p);
        if (token == JsonToken.START_OBJECT) {
            raw.copyCurrentStructure(p);
        } else {
            // called after a type id was read: the rest of the object, up to its END_OBJECT
            raw.writeStartObject();
            for (JsonToken t = token; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                raw.copyCurrentStructure(p);
            }
            raw.writeEndObject();
        }
        SubjectScope parent = (SubjectScope) ctxt.getAttribute(SubjectScope.KEY);
        SubjectScope scope = plan.hasSubjectIds() ? SubjectScope.ofIds(parent, readSubjectIds(raw, ctxt)) : parent;
        TokenBuffer decrypted = plan.hasEncrypted() ? decrypt(raw, scope, ctxt) : raw;
        if (!plan.scopes()) {
            return read(decrypted, ctxt);
        }
        ctxt.setAttribute(SubjectScope.KEY, scope);
        try {
            return read(decrypted, ctxt);
        } finally {
            ctxt.setAttribute(SubjectScope.KEY, parent);
        }
    }

    private Object read(TokenBuffer buffer, DeserializationContext ctxt) throws IOException {
        try (JsonParser q = buffer.asParserOnFirstToken()) {
            return _delegatee.deserialize(q, ctxt);
        } catch (JsonMappingException e) {
            throw redactedIfDecrypted(e, ctxt);
        }
    }

    /**
     * A failure to read a decrypted value to its type (the type changed since it was written, or the
     * plaintext was not this field's) carries Jackson's message, which quotes the value: it leaves
     * naming the field and the failure's type, with the cause redacted.
     */
    private JsonMappingException redactedIfDecrypted(JsonMappingException e, DeserializationContext ctxt) {
        String name = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
        EncryptPlan encrypted = name == null ? null : plan.encrypted(name);
        if (encrypted == null) {
            return e;
        }
        JsonMappingException redacted = JsonMappingException.from(ctxt, encrypted.property().qualifiedName()
                + ": the decrypted value does not fit its type (" + RedactedException.typeOf(e) + ")",
                RedactedException.of(e));
        redacted.prependPath(e.getPath().get(0));
        return redacted;
    }

    /** Reads the object's subject ids by role, as their Java values' text, decrypting an encrypted one. */
    private Map<String, String> readSubjectIds(TokenBuffer raw, DeserializationContext ctxt) throws IOException {
        Map<String, String> ids = plan.newSubjectIds();
        try (JsonParser q = raw.asParserOnFirstToken()) {
            while (q.nextToken() == JsonToken.FIELD_NAME) {
                String name = q.currentName();
                JsonToken value = q.nextToken();
                PropertyMetadata id = plan.subjectId(name);
                if (id == null || value == JsonToken.VALUE_NULL) {
                    q.skipChildren();
                    continue;
                }
                JavaType type = ctxt.constructType(id.genericType());
                Object subject;
                EncryptPlan encrypted = plan.encrypted(name);
                if (encrypted != null) {
                    String plaintext = decryptText(encrypted, null, q, ctxt);
                    if (plaintext == null) {
                        continue;
                    }
                    if (encrypted.isTextProperty()) {
                        subject = plaintext; // String properties are encrypted as the string itself
                    } else {
                        try (JsonParser clear = json.createParser(plaintext)) {
                            clear.nextToken();
                            subject = ctxt.readValue(clear, type);
                        } catch (JsonProcessingException e) {
                            // the parser's message quotes the plaintext: left out on purpose, with the cause
                            throw JsonMappingException.from(ctxt, id.qualifiedName()
                                    + ": the decrypted value is not valid JSON");
                        }
                    }
                } else {
                    subject = ctxt.readValue(q, type);
                }
                ids.put(id.subjectIdRole(), subject == null ? null : subject.toString());
            }
        }
        return ids;
    }

    private TokenBuffer decrypt(TokenBuffer raw, SubjectScope scope, DeserializationContext ctxt) throws IOException {
        TokenBuffer out = ctxt.bufferForInputBuffering();
        try (JsonParser q = raw.asParserOnFirstToken()) {
            out.writeStartObject();
            while (q.nextToken() == JsonToken.FIELD_NAME) {
                String name = q.currentName();
                EncryptPlan property = plan.encrypted(name);
                if (property == null) {
                    out.copyCurrentStructure(q);
                    continue;
                }
                q.nextToken();
                out.writeFieldName(name);
                String subject = !property.bindsSubject() || scope == null
                        ? null : scope.lookup(SubjectScope.roleOf(property.property()));
                String plaintext = decryptText(property, subject, q, ctxt);
                if (plaintext == null) {
                    out.writeNull();
                } else {
                    copyJson(property, plaintext, out, ctxt);
                }
            }
            out.writeEndObject();
        }
        return out;
    }

    /**
     * Decrypts the ciphertext the parser is on.
     *
     * @return the plaintext, or {@code null} for a JSON null or a forgotten subject's value
     */
    private String decryptText(EncryptPlan property, String subject, JsonParser q, DeserializationContext ctxt)
            throws IOException {
        JsonToken token = q.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            q.skipChildren();
            throw JsonMappingException.from(ctxt, property.property().qualifiedName()
                    + ": expected a ciphertext (a JSON string) but found a " + kind(token));
        }
        try {
            return property.decrypt(q.getText(), subject);
        } catch (ProtectionException e) {
            // the message names the field and the reason, never the value or key
            throw JsonMappingException.from(ctxt, e.getMessage(), e.getCause());
        }
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "JSON object";
            case START_ARRAY -> "JSON array";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            default -> token.name();
        };
    }

    private void copyJson(EncryptPlan encrypted, String plaintext, TokenBuffer out, DeserializationContext ctxt)
            throws IOException {
        if (encrypted.isTextProperty()) {
            out.writeString(plaintext); // String properties are encrypted as the string itself
            return;
        }
        String field = encrypted.property().qualifiedName();
        try (JsonParser clear = json.createParser(plaintext)) {
            if (clear.nextToken() == null) {
                throw JsonMappingException.from(ctxt, field + ": the decrypted value is empty");
            }
            out.copyCurrentStructure(clear);
            if (clear.nextToken() != null) {
                throw JsonMappingException.from(ctxt, field + ": the decrypted value holds more than one JSON value");
            }
        } catch (JsonProcessingException e) {
            if (e instanceof JsonMappingException) {
                throw e;
            }
            // the parser's message quotes the plaintext: it is left out on purpose, and the cause with it
            throw JsonMappingException.from(ctxt, field + ": the decrypted value is not valid JSON");
        }
    }
}
