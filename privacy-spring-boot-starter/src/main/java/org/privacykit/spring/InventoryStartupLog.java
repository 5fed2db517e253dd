package org.privacykit.spring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/** Logs one line with the inventory counts when the application is ready. */
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
        LOG.info("privacy-kit inventory of {}: {}", inventory.packages(), inventory.inventory().summary());
    }
}
