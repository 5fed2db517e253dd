package org.privacykit.spring;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.privacykit.crypto.KeyInfo;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.KeyRingStorageException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code privacykitkeys} actuator endpoint, for operators: {@code GET} lists the ring's keys
 * (id, name, algorithm, status, creation date; never key material); {@code POST} with
 * {@code {"action": "rotate"}} adds a new primary key, written to the key-ring file before it is
 * used, then re-encrypts every privacy-jpa entity under it (when privacy-jpa is present); with
 * {@code {"action": "reload"}} re-reads the file another instance changed. Not exposed over HTTP
 * unless listed in {@code management.endpoints.web.exposure.include}; secure it like any write
 * operation. Each change is audited by the ring ({@code KEY_ROTATED}, {@code REENCRYPTED},
 * {@code KEY_RING_LOADED}).
 */
@Endpoint(id = "privacykitkeys")
public class KeyRingEndpoint {
    private final KeyRing ring;
    private final ObjectProvider<EntityReencryption> reencryption;

    KeyRingEndpoint(KeyRing ring, ObjectProvider<EntityReencryption> reencryption) {
        this.ring = ring;
        this.reencryption = reencryption;
    }

    /**
     * Lists the keys.
     *
     * @return the primary key id, the ring version and each key's id, name, algorithm, status and creation date
     */
    @ReadOperation
    public Map<String, Object> keys() {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (KeyInfo key : ring.keys()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("id", key.id());
            k.put("name", key.name());
            k.put("algorithm", key.algorithm().name());
            k.put("status", key.status().name());
            k.put("created", key.createdAt().toString());
            k.put("primary", key.isPrimary());
            keys.add(k);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("primaryKeyId", ring.primaryKeyId());
        result.put("version", ring.version());
        result.put("keys", keys);
        return result;
    }

    /**
     * Rotates or reloads the ring.
     *
     * @param action {@code rotate} or {@code reload}
     * @return what was done: the new primary key id and the re-encryption per entity, or whether the
     *         reload changed the ring
     * @throws IOException when the key-ring file cannot be read or written (nothing changed)
     * @throws KeyRingStorageException when the file does not load with the KEK (nothing changed)
     */
    @WriteOperation
    public Map<String, Object> change(String action) throws IOException, KeyRingStorageException {
        Map<String, Object> result = new LinkedHashMap<>();
        switch (action) {
            case "rotate" -> {
                result.put("primaryKeyId", ring.rotate());
                EntityReencryption entities = reencryption.getIfAvailable();
                result.put("reencrypted", entities == null ? List.of() : entities.run());
            }
            case "reload" -> result.put("changed", ring.reload());
            default -> throw new InvalidEndpointRequestException("unknown action: rotate or reload",
                    "unknown action");
        }
        result.put("version", ring.version());
        return result;
    }
}
