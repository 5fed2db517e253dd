package org.privacykit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * Actuator reads an operation's parameters by name (a write operation's JSON members, a read
 * operation's query parameters); a class compiled without {@code -parameters} fails the
 * application's start-up as soon as the endpoint is discovered.
 */
class EndpointParameterNamesTest {

    @Test
    void everyOperationParameter_keepsItsName() {
        for (Class<?> endpoint : new Class<?>[] {KeyRingEndpoint.class, PrivacyKitEndpoint.class}) {
            for (Method method : endpoint.getDeclaredMethods()) {
                if (method.isAnnotationPresent(WriteOperation.class) || method.isAnnotationPresent(ReadOperation.class)) {
                    assertThat(Arrays.stream(method.getParameters()).map(Parameter::isNamePresent))
                            .as("%s.%s", endpoint.getSimpleName(), method.getName())
                            .doesNotContain(false);
                }
            }
        }
        assertThat(Arrays.stream(KeyRingEndpoint.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(WriteOperation.class))
                .flatMap(m -> Arrays.stream(m.getParameters()))
                .map(Parameter::getName))
                .containsExactly("action");
    }
}
