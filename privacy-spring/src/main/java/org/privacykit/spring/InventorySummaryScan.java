package org.privacykit.spring;

import java.util.List;

import org.privacykit.inventory.DataInventory;

/**
 * The inventory of the application's packages, scanned once on first use (a failed scan is
 * remembered and rethrown, not repeated). Holds class metadata only, never values.
 */
final class InventorySummaryScan {
    private final List<String> packages;
    private final ClassLoader loader;
    private DataInventory inventory;
    private RuntimeException failure;

    InventorySummaryScan(List<String> packages, ClassLoader loader) {
        this.packages = List.copyOf(packages);
        this.loader = loader;
    }

    List<String> packages() {
        return packages;
    }

    synchronized DataInventory inventory() {
        if (inventory == null && failure == null) {
            try {
                inventory = DataInventory.scanPackages(packages, loader);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return inventory;
    }
}
