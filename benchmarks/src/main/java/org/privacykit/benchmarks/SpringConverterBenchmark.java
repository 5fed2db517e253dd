package org.privacykit.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.audit.AuditSink;
import org.privacykit.jackson.PrivacyModule;
import org.privacykit.jackson.Reveal;
import org.privacykit.spring.PrivacyKitProperties;
import org.privacykit.spring.PrivacyKitRevealAutoConfiguration;
import org.privacykit.spring.RevealResolver;
import org.privacykit.spring.boot3.PrivacyKitWebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * One HTTP response body of a ten-field customer through the starter's JSON converter against
 * Spring's own {@code MappingJackson2HttpMessageConverter}: the anchors are Spring's converter on a
 * plain mapper and on the masking mapper; the starter's converter adds the per-request
 * {@code RevealResolver} call (anonymous: nothing revealed; support: three fields revealed and
 * audited to a no-op sink). The request is bound to the thread as Spring MVC binds it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SpringConverterBenchmark {

    /** The customer, with purposes so that a support reveal has something to reveal. */
    public record Customer(@SubjectId String id,
                           @PersonalData(value = PersonalDataType.NAME, purposes = "support") String fullName,
                           @PersonalData(value = PersonalDataType.EMAIL, purposes = "support") String email,
                           @PersonalData(PersonalDataType.PHONE) String phone,
                           @PersonalData(PersonalDataType.PAYMENT_CARD) @Encrypted String cardNumber,
                           @PersonalData(value = PersonalDataType.HEALTH, purposes = "support") @Encrypted String diagnosis,
                           @PersonalData(PersonalDataType.DATE_OF_BIRTH) LocalDate birthDate,
                           @Sensitive @Encrypted String apiToken,
                           String plan,
                           int loyaltyPoints) {
    }

    /** Who asks: nobody, or a support agent. */
    @Param({"anonymous", "support"})
    public String caller;

    private final Customer customer = new Customer("c-1001", "Ada Lovelace", "ada.lovelace@example.com",
            "+44 20 7946 0958", "4111 1111 1111 1111", "Type 1 diabetes", LocalDate.of(1985, 12, 10),
            "sk_live_9f8e7d6c5b4a", "gold", 1200);

    private MappingJackson2HttpMessageConverter springPlain;
    private MappingJackson2HttpMessageConverter springMasking;
    private MappingJackson2HttpMessageConverter starter;
    private RevealResolver resolver;
    private MockHttpServletRequest request;
    private ObjectMapper masking;

    private static ObjectMapper mapper(PrivacyModule module) {
        JsonMapper.Builder builder = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        if (module != null) {
            builder.addModule(module);
        }
        return builder.build();
    }

    /** Builds the converters and binds the request to the benchmark thread. */
    @Setup(Level.Trial)
    public void setUp() {
        masking = mapper(PrivacyModule.masking(AuditSink.noop()));
        springPlain = new MappingJackson2HttpMessageConverter(mapper(null));
        springMasking = new MappingJackson2HttpMessageConverter(masking);
        PrivacyKitProperties properties = new PrivacyKitProperties();
        properties.getReveal().setAuthorities(Map.of("ROLE_SUPPORT", List.of("support")));
        resolver = new PrivacyKitRevealAutoConfiguration.ServletReveal().privacyKitRevealResolver(properties);
        starter = new PrivacyKitWebMvcAutoConfiguration().privacyKitJsonConverter(masking, resolver);

        request = new MockHttpServletRequest("GET", "/customers/c-1001");
        if (caller.equals("support")) {
            request.setUserPrincipal(new TestingAuthenticationToken("agent-17", "n/a", "ROLE_SUPPORT"));
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    /** Unbinds the request. */
    @TearDown(Level.Trial)
    public void tearDown() {
        RequestContextHolder.resetRequestAttributes();
    }

    private static byte[] write(MappingJackson2HttpMessageConverter converter, Object body) throws Exception {
        MockHttpOutputMessage out = new MockHttpOutputMessage();
        converter.write(body, MediaType.APPLICATION_JSON, out);
        return out.getBodyAsBytes();
    }

    /** @return the body by Spring's converter on a plain mapper: the anchor */
    @Benchmark
    public byte[] springPlainMapper() throws Exception {
        return write(springPlain, customer);
    }

    /** @return the body by Spring's converter on the masking mapper (never reveals) */
    @Benchmark
    public byte[] springMaskingMapper() throws Exception {
        return write(springMasking, customer);
    }

    /** @return the resolver's answer alone: the starter's per-request cost before Jackson */
    @Benchmark
    public Object resolveOnly() {
        return resolver.resolve(request);
    }

    /** @return the body by the masking mapper with the resolved reveal, without Spring's converter */
    @Benchmark
    public byte[] revealingWriterOnly() throws Exception {
        return resolver.resolve(request)
                .map(g -> Reveal.forPurposes(g.purposes().toArray(String[]::new)).by(g.actor()).writer(masking))
                .orElseGet(masking::writer).writeValueAsBytes(customer);
    }

    /** @return the body by the starter's converter: masked, or revealed for the support agent */
    @Benchmark
    public byte[] starterConverter() throws Exception {
        return write(starter, customer);
    }
}
