package org.privacykit.spring.boot;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.privacykit.jackson3.Reveal;
import org.privacykit.spring.RevealGrant;
import org.privacykit.spring.RevealWebFilter;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring WebFlux's Jackson 3 JSON encoder, with one change: the writer of each body carries the
 * reveal that the {@link RevealWebFilter} resolved for the exchange being processed (read from the
 * Reactor context, so from the reactive security context's authentication). Outside an exchange,
 * or for an exchange that reveals nothing, bodies stay masked.
 */
final class RevealingJacksonJsonEncoder extends JacksonJsonEncoder {
    private static final String REVEAL_HINT = RevealingJacksonJsonEncoder.class.getName() + ".reveal";

    RevealingJacksonJsonEncoder(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public Flux<DataBuffer> encode(Publisher<?> inputStream, DataBufferFactory bufferFactory, ResolvableType elementType,
                                   @Nullable MimeType mimeType, @Nullable Map<String, Object> hints) {
        return Flux.deferContextual(context -> RevealWebFilter.grant(context).flatMapMany(grant ->
                super.encode(inputStream, bufferFactory, elementType, mimeType, withGrant(hints, grant))));
    }

    private static @Nullable Map<String, Object> withGrant(@Nullable Map<String, Object> hints,
                                                           Optional<RevealGrant> grant) {
        if (grant.isEmpty()) {
            return hints;
        }
        Map<String, Object> merged = hints == null ? new HashMap<>() : new HashMap<>(hints);
        merged.put(REVEAL_HINT, Reveals.of(grant.get()));
        return merged;
    }

    @Override
    protected ObjectWriter customizeWriter(ObjectWriter writer, @Nullable MimeType mimeType,
                                           ResolvableType elementType, @Nullable Map<String, Object> hints) {
        ObjectWriter customized = super.customizeWriter(writer, mimeType, elementType, hints);
        Object reveal = hints == null ? null : hints.get(REVEAL_HINT);
        return reveal instanceof Reveal r ? r.applyTo(customized) : customized;
    }
}
