package org.privacykit.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.privacykit.dataset.model.KAnonymity;
import org.privacykit.dataset.model.PrivacyModel;

class RecodingBuilderTest {

    static Stream<Supplier<RecodingBuilder<?>>> builders() {
        return Stream.of(GlobalRecoding::builder, Mondrian::builder);
    }

    @ParameterizedTest
    @MethodSource("builders")
    void bothBuildersRefuseTheSameSettingsInTheSameWords(Supplier<RecodingBuilder<?>> builder) {
        assertThatThrownBy(() -> builder.get().k(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be at least 2; got 1");
        assertThatThrownBy(() -> builder.get().l(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("l must be at least 1; got 0");
        assertThatThrownBy(() -> builder.get().model(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("model");
    }

    @ParameterizedTest
    @MethodSource("builders")
    void modelsStartWithKAnonymityThenFollowTheOrderAsked(Supplier<RecodingBuilder<?>> builder) {
        RecodingBuilder<?> b = builder.get().k(5).l(1).l(3).model(PrivacyModel.tCloseness(0.2));
        assertThat(b.k()).isEqualTo(5);
        assertThat(b.models()).hasSize(3);
        assertThat(b.models().get(0)).isEqualTo(new KAnonymity(5));
        assertThat(b.models().get(1)).isEqualTo(PrivacyModel.distinctLDiversity(3));
    }

    @ParameterizedTest
    @MethodSource("builders")
    void theDefaultIsTwoAnonymity(Supplier<RecodingBuilder<?>> builder) {
        assertThat(builder.get().models()).containsExactly(new KAnonymity(2));
    }

    @Test
    void suppressionShareIsCheckedOnceForEveryRecoding() {
        assertThatThrownBy(() -> GlobalRecoding.builder().suppressionLimit(Double.NaN))
                .hasMessage("the suppression limit is a share from 0 to 1; got NaN");
        assertThatThrownBy(() -> GlobalRecoding.builder().suppressionLimit(1.01))
                .hasMessageContaining("share from 0 to 1");
        assertThat(RecodingBuilder.checkSuppressionShare(0.05)).isEqualTo(0.05);
    }
}
