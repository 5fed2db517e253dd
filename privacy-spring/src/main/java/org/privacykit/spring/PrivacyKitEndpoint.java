package org.privacykit.spring;

import java.util.LinkedHashMap;
import java.util.Map;

import org.privacykit.inventory.DataInventory;
import org.privacykit.inventory.InventorySummary;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code privacykit} actuator endpoint ({@code GET /actuator/privacykit} once exposed with
 * {@code management.endpoints.web.exposure.include=privacykit}): the counts of the inventory of
 * the application's packages. Counts and package names only; never a field value.
 */
@Endpoint(id = "privacykit")
public class PrivacyKitEndpoint {
    private final InventorySummaryScan inventory;

    PrivacyKitEndpoint(InventorySummaryScan inventory) {
        this.inventory = inventory;
    }

    /**
     * Returns the inventory counts.
     *
     * @return packages, classes, fields, specialOrCriminal, restricted, encrypted, withoutPurpose,
     *         withoutRetention and unloadableClasses
     */
    @ReadOperation
    public Map<String, Object> summary() {
        DataInventory scanned = inventory.inventory();
        InventorySummary summary = scanned.summary();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("packages", inventory.packages());
        result.put("classes", summary.classes());
        result.put("fields", summary.fields());
        result.put("specialOrCriminal", summary.specialOrCriminal());
        result.put("restricted", summary.restricted());
        result.put("encrypted", summary.encrypted());
        result.put("withoutPurpose", summary.withoutPurpose());
        result.put("withoutRetention", summary.withoutRetention());
        result.put("unloadableClasses", scanned.unloadableClasses().size());
        return result;
    }
}
