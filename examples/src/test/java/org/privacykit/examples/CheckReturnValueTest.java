package org.privacykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A method that returns a protected copy (anonymized, encrypted, decrypted, masked, pseudonymized) is
 * useless, and dangerous, when its result is dropped: the caller goes on with the clear original.
 * Each such method carries Error Prone's {@code @CheckReturnValue}; this test compiles a caller that
 * drops the result, with Error Prone as the build runs it, and expects the compilation to fail.
 */
class CheckReturnValueTest {

    /** Each call returns a protected copy; the variables are parameters in {@link #caller}. */
    static Stream<String> protectedCopies() {
        return Stream.of(
                "anonymizer.anonymize(customer)",
                "anonymizer.anonymize(customer, site -> null)",
                "anonymizer.fake(PersonalDataType.EMAIL, \"ada@example.com\")",
                "fields.encrypt(customer)",
                "fields.decrypt(customer)",
                "fields.reencrypt(customer)",
                "fields.encrypt(context, \"ada@example.com\")",
                "fields.decrypt(context, \"ciphertext\")",
                "fields.reencrypt(context, \"ciphertext\")",
                "masker.mask(\"ada@example.com\")",
                "jsonMasker.mask(\"{}\")",
                "jsonMasker.mask(new byte[0])",
                "pseudonymizer.pseudonymize(\"Customer.email\", \"ada@example.com\")",
                "mondrian.anonymize(dataset)",
                "globalRecoding.anonymize(dataset)",
                "rights.erase(\"c-1\", java.util.List.of(customer))",
                "retention.apply(java.util.List.of(customer))");
    }

    @Test
    void droppingAnyProtectedCopy_failsCompilation_onThatLine() {
        List<String> calls = protectedCopies().toList();
        TestCompiler.Result result = TestCompiler.errorProne()
                .compile(caller(calls.stream().map(call -> call + ";").toList()));

        assertThat(result.success()).as(result.toString()).isFalse();
        for (int i = 0; i < calls.size(); i++) {
            String line = "Caller.java:" + (FIRST_CALL_LINE + i) + ": ";
            assertThat(result.errors()).as(calls.get(i) + "\n" + result)
                    .anySatisfy(error -> assertThat(error).contains(line).contains("[CheckReturnValue]"));
        }
    }

    @Test
    void usingEveryProtectedCopy_compiles() {
        TestCompiler.Result result = TestCompiler.errorProne()
                .compile(caller(protectedCopies().map(call -> "Object copy = " + call + ";").toList()));

        assertThat(result.success()).as(result.toString()).isTrue();
    }

    /** A class whose one method holds the statements, one per line where {@code %s} stands. */
    private static final String CALLER = """
            package demo;

            import org.privacykit.annotation.PersonalDataType;
            import org.privacykit.anonymize.Anonymizer;
            import org.privacykit.crypto.FieldEncryptor;
            import org.privacykit.dataset.Dataset;
            import org.privacykit.dataset.GlobalRecoding;
            import org.privacykit.dataset.Mondrian;
            import org.privacykit.json.JsonMasker;
            import org.privacykit.mask.Masker;
            import org.privacykit.pseudonym.Pseudonymizer;
            import org.privacykit.rights.RetentionEnforcer;
            import org.privacykit.rights.SubjectRights;
            import org.privacykit.spi.FieldContext;

            class Caller {
                void run(Anonymizer anonymizer, FieldEncryptor fields, FieldContext context, Masker masker,
                         JsonMasker jsonMasker, Pseudonymizer pseudonymizer, Mondrian mondrian, Dataset dataset,
                         GlobalRecoding globalRecoding, SubjectRights rights, RetentionEnforcer retention,
                         Object customer) throws Exception {
            %s
                }
            }
            """;

    /** The line of the first statement in {@link #CALLER}. */
    private static final int FIRST_CALL_LINE = (int) CALLER.lines().takeWhile(line -> !line.contains("%s")).count() + 1;

    private static TestCompiler.Source caller(List<String> statements) {
        return new TestCompiler.Source("demo.Caller", CALLER.formatted(
                statements.stream().map(statement -> "        {" + statement + "}").collect(Collectors.joining("\n"))));
    }
}
