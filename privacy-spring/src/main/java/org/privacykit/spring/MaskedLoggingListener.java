package org.privacykit.spring;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Masks Spring Boot's logging with no logging configuration of the application's: right after
 * Spring Boot has configured Logback (its {@code LoggingApplicationListener}, on the environment
 * being prepared), the encoder of every appender is wrapped in privacy-logback's
 * {@code MaskingEncoder}, so the default console and file patterns (which end in {@code %wEx}) and
 * structured logging ({@code logging.structured.format.console} = ecs, logstash, gelf) write masked
 * messages, arguments, MDC values, key-value pairs and exceptions. An application's own
 * {@code logback-spring.xml} is covered the same way; encoders of privacy-logback's are left alone.
 *
 * <p>Active when privacy-logback and Logback are on the class path and Logback is SLF4J's backend;
 * off with {@code privacykit.logging.enabled=false}. Registered in {@code META-INF/spring.factories},
 * since it must run before any bean exists.
 */
final class MaskedLoggingListener implements GenericApplicationListener {
    /** Right after Spring Boot's logging listener, which configures Logback at the same event. */
    static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 1;
    private static final boolean AVAILABLE = ClassUtils.isPresent("org.privacykit.logback.MaskingEncoder",
            MaskedLoggingListener.class.getClassLoader())
            && ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext", MaskedLoggingListener.class.getClassLoader());

    MaskedLoggingListener() {
    }

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        return AVAILABLE && ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType.toClass());
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (!(event instanceof ApplicationEnvironmentPreparedEvent prepared)) {
            return;
        }
        PrivacyKitProperties.Logging settings = Binder.get(prepared.getEnvironment())
                .bind("privacykit.logging", Bindable.of(PrivacyKitProperties.Logging.class))
                .orElseGet(PrivacyKitProperties.Logging::new);
        if (settings.isEnabled()) {
            LogbackMasking.apply(settings);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
