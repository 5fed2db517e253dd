package org.privacykit.spring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/** Logs one line with the inventory counts when the application is ready; a failure to scan is logged, never thrown. */
final class InventoryStartupLog implements ApplicationListener<ApplicationReadyEvent> {
    private static final Logger LOG = LoggerFactory.getLogger("org.privacykit.spring.inventory");

    private final InventorySummaryScan inventory;

    InventoryStartupLog(InventorySummaryScan inventory) {
        this.inventory = inventory;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (inventory.packages().isEmpty()) {
            LOG.info("privacy-kit inventory: no package to scan (set privacykit.inventory.packages)");
            return;
        }
        try {
            LOG.info("privacy-kit inventory of {}: {}", inventory.packages(), inventory.inventory().summary());
        } catch (RuntimeException e) {
            // an informational line must not stop the application; the declaration error it reports
            // (class and field, never a value) is logged in full
            LOG.warn("privacy-kit inventory of {} could not be built", inventory.packages(), e);
        }
    }
}
