package org.privacykit.spi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.OTHER;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.metadata.PrivacyMetadata;

class PropertyValuesTest {

    static class Employee {
        @PersonalData(NAME)
        private String name;
        private String salaryBand;

        @PersonalData(value = OTHER, sensitivity = Sensitivity.CONFIDENTIAL)
        public String getSalaryBand() {
            return salaryBand;
        }
    }

    @Test
    void read_readsFieldsAndGetters() {
        Employee e = new Employee();
        e.salaryBand = "B3";
        e.name = "Alan";

        assertThat(PropertyValues.read(PrivacyMetadata.of(Employee.class).property("name"), e)).isEqualTo("Alan");
        assertThat(PropertyValues.read(PrivacyMetadata.of(Employee.class).property("salaryBand"), e)).isEqualTo("B3");
    }
}
