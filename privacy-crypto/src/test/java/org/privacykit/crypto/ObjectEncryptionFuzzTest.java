package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PHONE;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.audit.AuditSink;
import org.privacykit.spi.FieldCryptoException;

/**
 * Fuzzes {@code FieldEncryptor.encrypt(object)} on arbitrary object graphs: nodes linked into
 * chains, trees and cycles, with {@code @Encrypted} values in their own properties, in lists, map
 * values, {@code Optional}s, arrays and nested records. Every value put in an {@code @Encrypted}
 * place starts with {@value #MARK}, a character no ciphertext, plain value or message of ours
 * holds, so finding it anywhere in the encrypted copy, or in any message or stack trace of a
 * failure, is a leak. The copy must decrypt to the original, which must be left as it was. Without
 * {@code JAZZER_FUZZ=1} only the seeds in {@code ObjectEncryptionFuzzTestInputs} run.
 */
class ObjectEncryptionFuzzTest {
    private static final char MARK = '\u00a7';
    private static final int MAX_NODES = 12;
    private static final int MAX_ELEMENTS = 4;
    private static final int MAX_TEXT = 12;
    private static final FieldEncryptor FIELDS = FieldEncryptor.builder(KeyRing.builder().auditSink(AuditSink.noop())
            .generate()).subjectKeyStore(SubjectKeyStore.inMemory()).auditSink(AuditSink.noop()).build();

    static final class Node {
        @SubjectId
        String id;
        @PersonalData(NAME)
        @Encrypted
        String name;
        @PersonalData(EMAIL)
        @Encrypted
        List<String> emails = new ArrayList<>();
        @PersonalData(PHONE)
        @Encrypted
        Map<String, String> phones = new LinkedHashMap<>();
        @PersonalData(NAME)
        @Encrypted
        Optional<String> nickname = Optional.empty();
        @Sensitive
        @Encrypted
        String[] tokens;
        String label;
        Node next;
        List<Node> children = new ArrayList<>();
        Map<String, Node> byLabel = new LinkedHashMap<>();
        Leaf leaf;
        List<Object> mixed = new ArrayList<>();
    }

    /**
     * Built through a constructor that takes every field, as a record is (a record itself breaks under
     * the fuzzer's instrumentation: its constructor no longer finds its fields).
     */
    static final class Leaf {
        @PersonalData(EMAIL)
        @Encrypted
        private final String email;
        private final String tag;
        private final Optional<Leaf> inner;

        Leaf(String email, String tag, Optional<Leaf> inner) {
            this.email = email;
            this.tag = tag;
            this.inner = inner;
        }
    }

    @FuzzTest
    void encrypt_anyObjectGraph_noValueInClear_andDecryptRestoresIt(FuzzedDataProvider data) throws Exception {
        Node[] nodes = new Node[data.consumeInt(1, MAX_NODES)];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new Node();
        }
        for (Node node : nodes) {
            fill(node, nodes, data);
        }
        Node root = nodes[0];
        List<String> before = strings(root);

        Node stored;
        try {
            stored = FIELDS.encrypt(root);
        } catch (FieldCryptoException | IllegalStateException refused) {
            assertThat(printed(refused)).as("message and stack trace").doesNotContain(String.valueOf(MARK));
            return;
        }
        assertThat(String.join("\n", strings(stored))).as("encrypted copy").doesNotContain(String.valueOf(MARK));
        assertThat(strings(root)).as("the original is left alone").isEqualTo(before);
        assertThat(strings(FIELDS.decrypt(stored))).as("decrypted copy").isEqualTo(before);
    }

    private static void fill(Node node, Node[] nodes, FuzzedDataProvider data) {
        node.id = data.consumeBoolean() ? plain(data) : null;
        node.name = data.consumeBoolean() ? secret(data) : null;
        for (int i = data.consumeInt(0, MAX_ELEMENTS); i > 0; i--) {
            node.emails.add(data.consumeBoolean() ? secret(data) : null);
        }
        for (int i = data.consumeInt(0, MAX_ELEMENTS); i > 0; i--) {
            node.phones.put(plain(data), secret(data));
        }
        node.nickname = data.consumeBoolean() ? Optional.of(secret(data)) : Optional.empty();
        if (data.consumeBoolean()) {
            node.tokens = new String[data.consumeInt(0, MAX_ELEMENTS)];
            for (int i = 0; i < node.tokens.length; i++) {
                node.tokens[i] = secret(data);
            }
        }
        node.label = plain(data);
        node.next = data.consumeBoolean() ? nodes[data.consumeInt(0, nodes.length - 1)] : null;
        for (int i = data.consumeInt(0, MAX_ELEMENTS); i > 0; i--) {
            node.children.add(nodes[data.consumeInt(0, nodes.length - 1)]);
        }
        for (int i = data.consumeInt(0, 2); i > 0; i--) {
            node.byLabel.put(plain(data), nodes[data.consumeInt(0, nodes.length - 1)]);
        }
        node.leaf = data.consumeBoolean() ? leaf(data, 2) : null;
        for (int i = data.consumeInt(0, MAX_ELEMENTS); i > 0; i--) {
            switch (data.consumeInt(0, 2)) {
                case 0 -> node.mixed.add(plain(data));
                case 1 -> node.mixed.add(leaf(data, 1));
                default -> node.mixed.add(nodes[data.consumeInt(0, nodes.length - 1)]);
            }
        }
    }

    private static Leaf leaf(FuzzedDataProvider data, int depth) {
        Optional<Leaf> inner = depth > 0 && data.consumeBoolean() ? Optional.of(leaf(data, depth - 1)) : Optional.empty();
        return new Leaf(secret(data), plain(data), inner);
    }

    private static String secret(FuzzedDataProvider data) {
        return MARK + plain(data);
    }

    private static String plain(FuzzedDataProvider data) {
        return data.consumeString(MAX_TEXT).replace(String.valueOf(MARK), "");
    }

    private static String printed(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** Every string reachable from a graph, in one traversal order, each object once. */
    private static List<String> strings(Object root) throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root == null ? "null" : root);
        while (!todo.isEmpty()) {
            Object value = todo.pop();
            if (value instanceof String s) {
                out.add(s);
            } else if (!seen.add(value)) {
                out.add("<seen>");
            } else if (value instanceof Optional<?> o) {
                todo.push(o.isPresent() ? o.get() : "<empty>");
            } else if (value instanceof Collection<?> c) {
                List<Object> elements = new ArrayList<>(c);
                Collections.reverse(elements);
                elements.forEach(e -> todo.push(e == null ? "null" : e));
            } else if (value instanceof Map<?, ?> m) {
                List<Object> entries = new ArrayList<>();
                m.forEach((k, v) -> {
                    entries.add(k);
                    entries.add(v);
                });
                Collections.reverse(entries);
                entries.forEach(e -> todo.push(e == null ? "null" : e));
            } else if (value instanceof Object[] array) {
                for (int i = array.length - 1; i >= 0; i--) {
                    todo.push(array[i] == null ? "null" : array[i]);
                }
            } else {
                Field[] fields = value.getClass().getDeclaredFields();
                for (int i = fields.length - 1; i >= 0; i--) {
                    fields[i].setAccessible(true);
                    Object v = fields[i].get(value);
                    todo.push(v == null ? "null" : v);
                }
            }
        }
        return out;
    }
}
