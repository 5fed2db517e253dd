package org.privacykit.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.PersonalDataType.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.Mask;
import org.privacykit.annotation.MaskStyle;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.Sensitivity;

/** Personal map keys, declared on the key's type argument and read once into the property's metadata. */
class MapKeyMetadataTest {

    record Order(String id) {
    }

    record Shop(Map<@PersonalData(EMAIL) String, Order> ordersByEmail,
                @PersonalData(PHONE) Map<@PersonalData(NAME) @Mask(MaskStyle.FULL) String, String> phonesByName,
                List<Map<@Sensitive String, Integer>> sessions,
                Map<String, Integer> counts) {
    }

    @Test
    void mapKey_readsTheKeyTypeArgument_asAPropertyOfItsOwn() {
        ClassMetadata shop = PrivacyMetadata.of(Shop.class);
        PropertyMetadata keys = shop.property("ordersByEmail").mapKey();

        assertThat(keys).isNotNull();
        assertThat(keys.isMapKey()).isTrue();
        assertThat(keys.classification().typeOrNull()).isEqualTo(EMAIL);
        assertThat(keys.rawType()).isEqualTo(String.class);
        assertThat(keys.qualifiedName()).isEqualTo("Shop.ordersByEmail{key}");
        assertThat(keys.containerSuffix()).isEqualTo("{key}");
        assertThat(shop.property("ordersByEmail").isProtected()).isFalse();
        assertThat(shop.property("counts").mapKey()).isNull();
    }

    @Test
    void mapKey_hasItsOwnMask_andTheValuesKeepTheirs() {
        PropertyMetadata phones = PrivacyMetadata.of(Shop.class).property("phonesByName");

        assertThat(phones.classification().typeOrNull()).isEqualTo(PHONE);
        assertThat(phones.mapKey().classification().typeOrNull()).isEqualTo(NAME);
        assertThat(phones.mapKey().classification().maskStyle()).isEqualTo(MaskStyle.FULL);
    }

    @Test
    void mapKey_insideAContainer_andSensitive() {
        PropertyMetadata sessions = PrivacyMetadata.of(Shop.class).property("sessions").mapKey();

        assertThat(sessions.classification().sensitivity()).isEqualTo(Sensitivity.RESTRICTED);
        assertThat(sessions.containerSuffix()).isEqualTo("[]{key}");
    }

    @Test
    void protectedFields_listTheKeysAsAField_andTheClassHoldsProtectedData() {
        ClassMetadata shop = PrivacyMetadata.of(Shop.class);

        assertThat(shop.protectedFields()).extracting(PersonalField::path)
                .containsExactly("ordersByEmail{key}", "phonesByName{key}", "phonesByName{}", "sessions[]{key}");
        assertThat(shop.protectedFields().get(0).classification().typeOrNull()).isEqualTo(EMAIL);
        assertThat(shop.hasDirectlyProtectedData()).isTrue();
    }

    record ElementAnnotated(List<@PersonalData(EMAIL) String> emails) {
    }

    record ValueAnnotated(Map<String, @PersonalData(EMAIL) String> emails) {
    }

    record OptionalAnnotated(Optional<@Sensitive String> token) {
    }

    record TwoLevels(Map<@PersonalData(EMAIL) String, Map<@PersonalData(NAME) String, String>> nested) {
    }

    @Test
    void typeArgumentsOtherThanKeys_areRefused_soNoClassificationIsSilentlyIgnored() {
        assertThatThrownBy(() -> PrivacyMetadata.of(ElementAnnotated.class))
                .isInstanceOf(PrivacyDeclarationException.class)
                .hasMessageContaining("ElementAnnotated.emails").hasMessageContaining("collection's element type");
        assertThatThrownBy(() -> PrivacyMetadata.of(ValueAnnotated.class))
                .isInstanceOf(PrivacyDeclarationException.class).hasMessageContaining("map's value type");
        assertThatThrownBy(() -> PrivacyMetadata.of(OptionalAnnotated.class))
                .isInstanceOf(PrivacyDeclarationException.class).hasMessageContaining("Optional's content type");
        assertThatThrownBy(() -> PrivacyMetadata.of(TwoLevels.class))
                .isInstanceOf(PrivacyDeclarationException.class).hasMessageContaining("two nested maps");
    }

    record Secrets(@Sensitive char[] password, @PersonalData(EMAIL) String[] emails) {
    }

    @Test
    void arrayDeclarations_areNotMistakenForTypeArguments() {
        ClassMetadata secrets = PrivacyMetadata.of(Secrets.class);

        assertThat(secrets.property("password").isProtected()).isTrue();
        assertThat(secrets.property("emails").classification().typeOrNull()).isEqualTo(EMAIL);
    }
}
