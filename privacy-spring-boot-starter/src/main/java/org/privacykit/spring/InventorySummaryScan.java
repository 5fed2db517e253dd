package org.privacykit.spring;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.privacykit.inventory.DataInventory;

/** The inventory of the application's packages, scanned once on first use. Holds class metadata only, never values. */
final class InventorySummaryScan {
    private final List<String> packages;
    private final ClassLoader loader;
    private volatile DataInventory inventory;

    InventorySummaryScan(List<String> packages, ClassLoader loader) {
        this.packages = List.copyOf(packages);
        this.loader = loader;
    }

    List<String> packages() {
        return packages;
    }

    DataInventory inventory() {
        DataInventory result = inventory;
        if (result == null) {
            synchronized (this) {
                result = inventory;
                if (result == null && packages.size() == 1) {
                    result = DataInventory.scanPackage(packages.get(0), loader);
                    inventory = result;
                } else if (result == null) {
                    Set<Class<?>> classes = new LinkedHashSet<>();
                    for (String pkg : packages) {
                        classes.addAll(DataInventory.scanPackage(pkg, loader).classes());
                    }
                    result = DataInventory.scan(classes.toArray(new Class<?>[0]));
                    inventory = result;
                }
            }
        }
        return result;
    }
}
