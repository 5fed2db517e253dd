package org.privacykit.spring.boot;

import org.privacykit.audit.AuditSink;
import org.privacykit.jackson3.PrivacyModule;
import org.privacykit.spring.PrivacyKitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The masking Jackson 3 module, which Spring Boot 4's {@code JacksonAutoConfiguration} registers
 * on the application's {@code JsonMapper} (it adds every {@code JacksonModule} bean), so every HTTP
 * response is masked. The bean records reveals in the application's audit sink; it replaces the
 * module of the same id that Jackson's module discovery finds. Off with
 * {@code privacykit.jackson.enabled=false}; backs off when the application declares its own
 * {@link PrivacyModule} bean.
 */
@AutoConfiguration(after = PrivacyKitAutoConfiguration.class,
        beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnProperty(name = "privacykit.jackson.enabled", matchIfMissing = true)
public class PrivacyKitJacksonAutoConfiguration {

    /** Created by Spring Boot from the auto-configuration imports. */
    public PrivacyKitJacksonAutoConfiguration() {
    }

    /**
     * The masking module.
     *
     * @param audit where reveals are recorded
     * @return {@code PrivacyModule.masking(audit)}
     */
    @Bean
    @ConditionalOnMissingBean(PrivacyModule.class)
    public PrivacyModule privacyKitJacksonModule(AuditSink audit) {
        return PrivacyModule.masking(audit);
    }
}
