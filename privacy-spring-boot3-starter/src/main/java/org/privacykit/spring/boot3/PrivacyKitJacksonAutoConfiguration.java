package org.privacykit.spring.boot3;

import org.privacykit.audit.AuditSink;
import org.privacykit.jackson.PrivacyModule;
import org.privacykit.spring.PrivacyKitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The masking Jackson 2 module, which Spring Boot 3's {@code JacksonAutoConfiguration} registers
 * on the application's {@code ObjectMapper}, so every HTTP response is masked. Off with
 * {@code privacykit.jackson.enabled=false}; backs off when the application declares its own
 * {@link PrivacyModule} bean.
 */
@AutoConfiguration(after = PrivacyKitAutoConfiguration.class, before = JacksonAutoConfiguration.class)
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
