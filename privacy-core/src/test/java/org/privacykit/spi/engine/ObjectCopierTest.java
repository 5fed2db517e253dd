package org.privacykit.spi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.POSTAL_ADDRESS;
import static org.privacykit.annotation.PersonalDataType.POSTCODE;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.annotation.SubjectId;
import org.privacykit.metadata.PrivacyMetadata;

class ObjectCopierTest {

    record Address(@PersonalData(POSTAL_ADDRESS) String street, @PersonalData(POSTCODE) String postcode,
                   String city) {
    }

    static class Person {
        @SubjectId
        private String id;
        @PersonalData(NAME)
        private String name;
    }

    static class Employee extends Person {
        private String team;
        private String salaryBand;

        @PersonalData(value = org.privacykit.annotation.PersonalDataType.OTHER, sensitivity = Sensitivity.CONFIDENTIAL)
        public String getSalaryBand() {
            return salaryBand;
        }
    }

    static final class Immutable {
        @PersonalData(EMAIL)
        private final String email;
        private final int version;

        Immutable(String email, int version) {
            this.email = email;
            this.version = version;
        }
    }

    abstract static class Shape {
        @PersonalData(NAME)
        String label;
    }

    @Test
    void copy_record_rebuildsThroughCanonicalConstructorAndLeavesSourceAlone() {
        Address source = new Address("1 Main St", "SW1A 1AA", "London");

        Object copy = ObjectCopier.copy(PrivacyMetadata.of(Address.class), source,
                (property, value) -> property.isProtected() ? "x" : value);

        assertThat(copy).isEqualTo(new Address("x", "x", "London"));
        assertThat(source.street()).isEqualTo("1 Main St");
        assertThat(ObjectCopier.isCopiedByAssignment(PrivacyMetadata.of(Address.class))).isFalse();
    }

    @Test
    void copy_pojo_usesNoArgConstructorAndEveryFieldIncludingInherited() {
        Employee e = new Employee();
        e.team = "ops";
        e.salaryBand = "B3";
        ((Person) e).name = "Alan";
        ((Person) e).id = "p-1";
        List<Object> seen = new ArrayList<>();

        Employee copy = (Employee) ObjectCopier.copy(PrivacyMetadata.of(Employee.class), e,
                (property, value) -> property.isProtected() ? null : value, seen::add);

        assertThat(copy).isNotSameAs(e);
        assertThat(seen).containsExactly(copy);
        assertThat(copy.team).isEqualTo("ops");
        assertThat(copy.salaryBand).isNull();
        assertThat(((Person) copy).name).isNull();
        assertThat(((Person) copy).id).isEqualTo("p-1");
        assertThat(e.salaryBand).isEqualTo("B3");
        assertThat(ObjectCopier.isCopiedByAssignment(PrivacyMetadata.of(Employee.class))).isTrue();
    }

    @Test
    void copy_classWithoutNoArgConstructor_usesAllFieldsConstructor() {
        Immutable copy = (Immutable) ObjectCopier.copy(PrivacyMetadata.of(Immutable.class), new Immutable("a@b.c", 3),
                (property, value) -> property.isProtected() ? "hidden" : value);

        assertThat(copy.email).isEqualTo("hidden");
        assertThat(copy.version).isEqualTo(3);
    }

    @Test
    void copy_abstractType_failsNamingTheClass() {
        assertThatThrownBy(() -> ObjectCopier.isCopiedByAssignment(PrivacyMetadata.of(Shape.class)))
                .isInstanceOf(IllegalStateException.class).hasMessage("Shape: cannot copy an abstract type");
    }

    @Test
    void propertyValues_read_readsFieldsAndGetters() {
        Employee e = new Employee();
        e.salaryBand = "B3";
        ((Person) e).name = "Alan";

        assertThat(PropertyValues.read(PrivacyMetadata.of(Employee.class).property("name"), e)).isEqualTo("Alan");
        assertThat(PropertyValues.read(PrivacyMetadata.of(Employee.class).property("salaryBand"), e)).isEqualTo("B3");
    }
}
