package org.privacykit.spring.boot3;

import java.util.Optional;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.privacykit.spring.RevealGrant;
import org.privacykit.spring.RevealResolver;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Spring's JSON converter, with one change: the writer of each response body carries the reveal
 * that the {@link RevealResolver} grants to the current request, as an {@code ObjectWriter}
 * attribute of that one write. The request is the one Spring MVC binds to the handling thread
 * ({@link RequestContextHolder}); where there is none (a write from another thread, outside a
 * request), nothing is revealed.
 */
final class RevealingJackson2HttpMessageConverter extends MappingJackson2HttpMessageConverter {
    private final RevealResolver resolver;

    RevealingJackson2HttpMessageConverter(ObjectMapper mapper, RevealResolver resolver) {
        super(mapper);
        this.resolver = resolver;
    }

    @Override
    protected ObjectWriter customizeWriter(ObjectWriter writer, JavaType javaType, MediaType contentType) {
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
