package org.privacykit.spring.boot3;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.privacykit.jackson.Reveal;
import org.privacykit.spring.RevealGrant;
import org.privacykit.spring.RevealWebFilter;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;

/**
 * Spring WebFlux's JSON encoder, with one change: the writer of each body carries the reveal that
 * the {@link RevealWebFilter} resolved for the exchange being processed (read from the Reactor
 * context, so from the reactive security context's authentication). Outside an exchange, or for
 * an exchange that reveals nothing, bodies stay masked.
 */
final class RevealingJackson2JsonEncoder extends Jackson2JsonEncoder {
    private static final String REVEAL_HINT = RevealingJackson2JsonEncoder.class.getName() + ".reveal";

    RevealingJackson2JsonEncoder(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    public Flux<DataBuffer> encode(Publisher<?> inputStream, DataBufferFactory bufferFactory, ResolvableType elementType,
                                   MimeType mimeType, Map<String, Object> hints) {
        return Flux.deferContextual(context -> RevealWebFilter.grant(context).flatMapMany(grant ->
                super.encode(inputStream, bufferFactory, elementType, mimeType, withGrant(hints, grant))));
    }

    private static Map<String, Object> withGrant(Map<String, Object> hints, Optional<RevealGrant> grant) {
        if (grant.isEmpty()) {
            return hints;
        }
        Map<String, Object> merged = hints == null ? new HashMap<>() : new HashMap<>(hints);
        merged.put(REVEAL_HINT, Reveals.of(grant.get()));
        return merged;
    }

    @Override
    protected ObjectWriter customizeWriter(ObjectWriter writer, MimeType mimeType, ResolvableType elementType,
                                           Map<String, Object> hints) {
        ObjectWriter customized = super.customizeWriter(writer, mimeType, elementType, hints);
        Object reveal = hints == null ? null : hints.get(REVEAL_HINT);
        return reveal instanceof Reveal r ? r.applyTo(customized) : customized;
    }
}
