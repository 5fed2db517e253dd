package org.privacykit.spring.boot;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.privacykit.spring.RevealGrant;
import org.privacykit.spring.RevealResolver;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's Jackson 3 JSON converter, with one change: the writer of each response body carries the
 * reveal that the {@link RevealResolver} grants to the current request, as an {@code ObjectWriter}
 * attribute of that one write. The request is the one Spring MVC binds to the handling thread
 * ({@link RequestContextHolder}); where there is none (a write from another thread, outside a
 * request), nothing is revealed.
 */
final class RevealingJacksonJsonHttpMessageConverter extends JacksonJsonHttpMessageConverter {
    private final RevealResolver resolver;

    RevealingJacksonJsonHttpMessageConverter(JsonMapper mapper, RevealResolver resolver) {
        super(mapper);
        this.resolver = resolver;
    }

    @Override
    protected ObjectWriter customizeWriter(ObjectWriter writer, @Nullable JavaType javaType,
                                           @Nullable MediaType contentType) {
        ObjectWriter customized = super.customizeWriter(writer, javaType, contentType);
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            Optional<RevealGrant> grant = resolver.resolve(servlet.getRequest());
            if (grant.isPresent()) {
                return Reveals.of(grant.get()).applyTo(customized);
            }
        }
        return customized;
    }
}
