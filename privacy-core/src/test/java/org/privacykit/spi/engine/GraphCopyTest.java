package org.privacykit.spi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.PersonalDataType.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.annotation.SubjectId;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.metadata.RedactedException;

class GraphCopyTest {

    /** Replaces every protected text value (and the elements of protected containers) with its upper case. */
    static final class UpperCase implements GraphCopy.Policy<RuntimeException> {
        private final boolean deep;
        final List<String> subjects = new ArrayList<>();

        UpperCase(boolean deep) {
            this.deep = deep;
        }

        @Override
        public boolean copiesUnchanged() {
            return deep;
        }

        @Override
        public GraphCopy.Mapping<RuntimeException> property(PropertyMetadata property, Object value,
                                                            GraphCopy.Site<RuntimeException> site) {
            GraphCopy.ValueFunction<RuntimeException> keys = property.mapKey() == null ? null
                    : (key, direct) -> key.toString().toUpperCase();
            if (!property.isProtected()) {
                return GraphCopy.Mapping.transform(null, keys);
            }
            subjects.add(property.name() + "@" + site.subjectId(""));
            return GraphCopy.Mapping.transform((v, direct) -> v instanceof String s ? s.toUpperCase()
                    : v instanceof Optional || v instanceof List || v instanceof Map ? GraphCopy.DESCEND
                    : GraphCopy.COPY, keys);
        }
    }

    record Address(@PersonalData(POSTAL_ADDRESS) String street, String city) {
    }

    static final class Customer {
        @SubjectId
        String id;
        @PersonalData(EMAIL)
        List<String> emails = new ArrayList<>();
        @PersonalData(NAME)
        Optional<String> nickname = Optional.empty();
        Address home;
        Address work;
        List<Address> others = new ArrayList<>();
        String plan;
    }

    private static Customer ada() {
        Customer c = new Customer();
        c.id = "c-1";
        c.emails.add("ada@example.com");
        c.nickname = Optional.of("ada");
        c.home = new Address("1 Main St", "London");
        c.work = c.home;
        c.others.add(new Address("2 High St", "Leeds"));
        c.plan = "gold";
        return c;
    }

    @Test
    void copy_transformsProtectedValues_leavesTheOriginalAlone_andKeepsSharingShared() {
        Customer ada = ada();

        Customer copy = (Customer) GraphCopy.copy(ada, new UpperCase(true));

        assertThat(copy).isNotSameAs(ada);
        assertThat(copy.emails).containsExactly("ADA@EXAMPLE.COM");
        assertThat(copy.nickname).contains("ADA");
        assertThat(copy.home).isEqualTo(new Address("1 MAIN ST", "London"));
        assertThat(copy.work).isSameAs(copy.home);
        assertThat(copy.others).containsExactly(new Address("2 HIGH ST", "Leeds"));
        assertThat(ada.emails).containsExactly("ada@example.com");
        assertThat(ada.home.street()).isEqualTo("1 Main St");
    }

    record Plain(String name, List<String> tags) {
    }

    @Test
    void copy_sharingPolicy_copiesOnlyWhatChanged_andReturnsAnUnchangedGraphItself() {
        Plain plain = new Plain("x", List.of("a"));
        Customer ada = ada();
        ada.others.clear();

        assertThat(GraphCopy.copy(plain, new UpperCase(false))).isSameAs(plain);
        Customer copy = (Customer) GraphCopy.copy(ada, new UpperCase(false));
        assertThat(copy).isNotSameAs(ada);
        assertThat(copy.others).isSameAs(ada.others);
        assertThat(GraphCopy.copy(plain, new UpperCase(true))).isNotSameAs(plain).isEqualTo(plain);
    }

    @Test
    void copy_subjectIds_comeFromTheEnclosingObjects() {
        UpperCase policy = new UpperCase(true);

        GraphCopy.copy(ada(), policy);

        assertThat(policy.subjects).containsExactly("emails@c-1", "nickname@c-1", "street@c-1", "street@c-1");
    }

    static final class Link {
        @PersonalData(NAME)
        String name = "n";
        Link next;
    }

    @Test
    void copy_deepChain_copiesWithoutOverflowingTheStack() {
        Link head = new Link();
        Link tail = head;
        for (int i = 0; i < 100_000; i++) {
            tail.next = new Link();
            tail = tail.next;
        }

        Link copy = (Link) GraphCopy.copy(head, new UpperCase(false));

        int length = 0;
        for (Link l = copy; l != null; l = l.next) {
            assertThat(l.name).isEqualTo("N");
            length++;
        }
        assertThat(length).isEqualTo(100_001);
    }

    static final class Node {
        @PersonalData(NAME)
        String label;
        Node parent;
        List<Node> children = new ArrayList<>();
    }

    @Test
    void copy_cyclesThroughAssignedClasses_areCopiedOnce() {
        Node root = new Node();
        root.label = "root";
        Node child = new Node();
        child.label = "child";
        child.parent = root;
        root.children.add(child);
        for (boolean deep : new boolean[] {true, false}) {
            Node copy = (Node) GraphCopy.copy(root, new UpperCase(deep));

            assertThat(copy.label).isEqualTo("ROOT");
            assertThat(copy.children.get(0).label).isEqualTo("CHILD");
            assertThat(copy.children.get(0).parent).isSameAs(copy);
        }
    }

    record Holder(String name, List<Object> items) {
    }

    @Test
    void copy_cycleThroughARecord_isRefusedWhenTheRecordMustChange() {
        List<Object> items = new ArrayList<>();
        Holder holder = new Holder("h", items);
        items.add(holder);

        assertThatThrownBy(() -> GraphCopy.copy(holder, new UpperCase(true)))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Holder: the object graph leads back");
        // nothing in it changes: shared as it is
        assertThat(GraphCopy.copy(holder, new UpperCase(false))).isSameAs(holder);
    }

    record Directory(Map<@PersonalData(EMAIL) String, Integer> logins) {
    }

    @Test
    void copy_personalMapKeys_goThroughTheKeyFunction_andCollisionsAreRefused() {
        Map<String, Integer> logins = new LinkedHashMap<>();
        logins.put("ada@example.com", 1);
        Directory copy = (Directory) GraphCopy.copy(new Directory(logins), new UpperCase(false));
        assertThat(copy.logins()).containsExactly(Map.entry("ADA@EXAMPLE.COM", 1));

        logins.put("ADA@example.com", 2);
        assertThatThrownBy(() -> GraphCopy.copy(new Directory(logins), new UpperCase(false)))
                .hasMessageStartingWith("Directory.logins{key}: two keys");
    }

    record Checked(@PersonalData(EMAIL) String email, @PersonalData(NAME) String name) {
        Checked {
            if (!email.contains("@")) {
                throw new IllegalArgumentException("not an e-mail: " + email);
            }
        }
    }

    @Test
    void copy_aConstructorThatRejectsACopiedValue_isNamedWithItsComponent_neverItsMessage() {
        GraphCopy.Policy<RuntimeException> dropAt = new GraphCopy.Policy<>() {
            @Override
            public boolean copiesUnchanged() {
                return true;
            }

            @Override
            public GraphCopy.Mapping<RuntimeException> property(PropertyMetadata property, Object value,
                                                                GraphCopy.Site<RuntimeException> site) {
                return GraphCopy.Mapping.replace(value.toString().replace("@", " at "));
            }
        };

        assertThatThrownBy(() -> GraphCopy.copy(new Checked("ada@example.com", "Ada"), dropAt))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Checked.email: the constructor rejects the copy's value (it threw "
                        + "java.lang.IllegalArgumentException)")
                .hasCauseInstanceOf(RedactedException.class)
                .satisfies(e -> assertThat(e.getCause().getMessage()).doesNotContain("ada"));
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

    @Test
    void copy_classWithoutNoArgConstructor_usesAllFieldsConstructor() {
        Immutable copy = (Immutable) GraphCopy.copy(new Immutable("a@b.c", 3), new UpperCase(false));

        assertThat(copy.email).isEqualTo("A@B.C");
        assertThat(copy.version).isEqualTo(3);
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

        @PersonalData(value = OTHER, sensitivity = Sensitivity.CONFIDENTIAL)
        public String getSalaryBand() {
            return salaryBand;
        }
    }

    @Test
    void copy_pojo_usesNoArgConstructorAndEveryFieldIncludingInherited() {
        Employee e = new Employee();
        e.team = "ops";
        e.salaryBand = "b3";
        ((Person) e).name = "Alan";
        ((Person) e).id = "p-1";

        Employee copy = (Employee) GraphCopy.copy(e, new UpperCase(false));

        assertThat(copy).isNotSameAs(e);
        assertThat(copy.team).isEqualTo("ops");
        assertThat(copy.salaryBand).isEqualTo("B3");
        assertThat(((Person) copy).name).isEqualTo("ALAN");
        assertThat(((Person) copy).id).isEqualTo("p-1");
        assertThat(e.salaryBand).isEqualTo("b3");
    }

    abstract static class Shape {
        @PersonalData(NAME)
        String label;
    }

    static final class Square extends Shape {
    }

    record Drawing(Shape shape) {
    }

    @Test
    void copy_abstractType_failsNamingTheClass() {
        assertThatThrownBy(() -> Instantiator.of(Shape.class))
                .isInstanceOf(IllegalStateException.class).hasMessage("Shape: cannot copy an abstract type");
        Square square = new Square();
        square.label = "sq";
        assertThat(((Drawing) GraphCopy.copy(new Drawing(square), new UpperCase(false))).shape().label).isEqualTo("SQ");
    }
}
