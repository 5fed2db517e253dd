package org.privacykit.spring;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.privacykit.inventory.DataInventory;

/**
 * The inventory of the application's packages, scanned once on first use (a failed scan is
 * remembered and rethrown, not repeated). Holds class metadata only, never values.
 */
final class InventorySummaryScan {
    private final List<String> packages;
    private final ClassLoader loader;
    private @Nullable DataInventory inventory;
    private @Nullable RuntimeException failure;

    InventorySummaryScan(List<String> packages, ClassLoader loader) {
        this.packages = List.copyOf(packages);
        this.loader = loader;
    }

    List<String> packages() {
        return packages;
    }

    synchronized DataInventory inventory() {
        if (failure != null) {
            throw failure;
        }
        DataInventory scanned = inventory;
        if (scanned == null) {
            try {
                scanned = DataInventory.scanPackages(packages, loader);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            inventory = scanned;
        }
        return scanned;
    }
}
