package org.privacykit.inventory;

import java.time.MonthDay;
import java.time.Year;
import java.time.YearMonth;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.metadata.AtRest;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.EncryptionPath;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * Checks classes for personal data that is undeclared or under-protected, as one assertion in a
 * unit test:
 *
 * <pre>{@code
 * PrivacyLint.check(Customer.class).assertClean();
 * PrivacyLint.builder().strict(true).build().lintPackage("com.example.domain").assertClean();
 * }</pre>
 *
 * <p>The rules ({@link LintRule}): fields that look personal by name or type but are unclassified;
 * RESTRICTED fields not {@code @Encrypted}; deterministic encryption or pseudonyms of low-entropy
 * values (dates of birth, postcodes, booleans, enums); {@code @Encrypted} fields that are not
 * classified, or that a storage path cannot store encrypted; classes whose {@code toString} prints
 * personal data in clear (read from their class files); maps of personal data keyed by something
 * that looks personal, undeclared; and in strict mode, personal data without purposes, retention,
 * legal basis or subject.
 * Nested types are checked along every path from the given classes. Immutable and thread-safe.
 */
public final class PrivacyLint {
    private static final PrivacyLint DEFAULT = new PrivacyLint(new Builder());

    private static final Set<PersonalDataType> LOW_ENTROPY_TYPES = EnumSet.of(PersonalDataType.DATE_OF_BIRTH,
            PersonalDataType.POSTCODE, PersonalDataType.ETHNIC_ORIGIN, PersonalDataType.RELIGION,
            PersonalDataType.POLITICAL_OPINION, PersonalDataType.TRADE_UNION, PersonalDataType.SEX_LIFE);

    private final boolean strict;
    private final Set<LintRule> ignored;
    private final Set<EncryptionPath> paths;

    private PrivacyLint(Builder b) {
        this.strict = b.strict;
        this.ignored = b.ignored.isEmpty() ? Set.of() : Set.copyOf(b.ignored);
        this.paths = Set.copyOf(b.paths);
    }

    /**
     * Checks classes with the default rules (not strict).
     *
     * @param types the classes
     * @return the report
     */
    public static LintReport check(Class<?>... types) {
        return DEFAULT.lint(types);
    }

    /**
     * Checks the classes of a package and its subpackages with the default rules.
     *
     * @param packageName the package
     * @return the report
     */
    public static LintReport checkPackage(String packageName) {
        return DEFAULT.lintPackage(packageName);
    }

    /**
     * Starts a configured lint.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks classes.
     *
     * @param types the classes
     * @return the report
     */
    public LintReport lint(Class<?>... types) {
        List<LintViolation> out = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Class<?> type : types) {
            ClassMetadata metadata = PrivacyMetadata.of(Objects.requireNonNull(type, "type"));
            Scan scan = new Scan(type, out, reported);
            scan.visit(metadata, "", new ArrayList<>(), metadata.hasSubjectId());
            if (strict && scan.personalWithoutSubject && enabled(LintRule.MISSING_SUBJECT_ID)) {
                out.add(new LintViolation(type, "", LintRule.MISSING_SUBJECT_ID,
                        "holds personal data but no @SubjectId says whose it is.",
                        "annotate the field that identifies the person with @SubjectId."));
            }
        }
        return new LintReport(out);
    }

    /**
     * Checks the classes of a package and its subpackages, from the thread's context class loader.
     *
     * @param packageName the package
     * @return the report
     */
    public LintReport lintPackage(String packageName) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ClassScanner.Result found = ClassScanner.scan(packageName,
                loader != null ? loader : PrivacyLint.class.getClassLoader());
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> type : found.classes) {
            if (PrivacyMetadata.isNavigable(type) && !type.isInterface()) {
                types.add(type);
            }
        }
        return lint(types.toArray(new Class<?>[0]));
    }

    private boolean enabled(LintRule rule) {
        return !ignored.contains(rule) && (strict || !rule.isStrictOnly());
    }

    @Override
    public String toString() {
        return "PrivacyLint[" + (strict ? "strict" : "default") + (ignored.isEmpty() ? "" : ", ignoring " + ignored)
                + (paths.size() == EncryptionPath.values().length ? "" : ", encryption paths " + paths) + "]";
    }

    /** One lint run from one root class. */
    private final class Scan {
        private final Class<?> root;
        private final List<LintViolation> out;
        private final Set<String> reported;
        boolean personalWithoutSubject;

        Scan(Class<?> root, List<LintViolation> out, Set<String> reported) {
            this.root = root;
            this.out = out;
            this.reported = reported;
        }

        void visit(ClassMetadata metadata, String prefix, List<Class<?>> onPath, boolean subjectInScope) {
            onPath.add(metadata.type());
            boolean subject = subjectInScope || metadata.hasSubjectId();
            checkToString(metadata.type());
            for (PropertyMetadata p : metadata.properties()) {
                String path = prefix + p.name() + p.containerSuffix();
                checkEncryptionPaths(p, path);
                checkMapKeys(p, path);
                check(p, path, subject);
                if (!p.isProtected()) {
                    ClassMetadata nested = p.elementMetadata();
                    if (nested != null && !onPath.contains(nested.type())) {
                        visit(nested, path + ".", onPath, subject);
                    }
                }
            }
            onPath.remove(onPath.size() - 1);
        }

        private void check(PropertyMetadata p, String path, boolean subjectInScope) {
            Classification c = p.classification();
            if (c == null) {
                if (p.isEncrypted()) {
                    report(path, LintRule.ENCRYPTED_UNCLASSIFIED, "is @Encrypted but not classified, so no"
                            + " inventory lists it.", "add @PersonalData(...) or @Sensitive.");
                } else if (!p.isSubjectId() && !p.isDeclaredNotPersonal()) {
                    PersonalNames.Guess guess = PersonalNames.guess(p.owner(), p.name(), p.elementClass());
                    if (guess != null) {
                        String fix = guess.type == null ? "annotate with @Sensitive"
                                : "annotate with @PersonalData(" + guess.type.name() + ")";
                        report(path, LintRule.UNCLASSIFIED_PERSONAL_FIELD, "looks like " + guess.label()
                                + " by its name or type but is not classified.", fix
                                + ", or with @NotPersonalData(\"why\") if it holds no personal data.");
                    }
                }
                return;
            }
            if (c.sensitivity() == Sensitivity.RESTRICTED && !p.isEncrypted()) {
                report(path, LintRule.RESTRICTED_NOT_ENCRYPTED, "is RESTRICTED ("
                        + (c.isPersonalData() ? c.category().label() : "a secret") + ") but not encrypted at rest.",
                        "add @Encrypted.");
            }
            boolean lowEntropy = isLowEntropy(p, c);
            if (p.isEncrypted() && p.encryption().mode() != EncryptionMode.RANDOMIZED && lowEntropy) {
                report(path, LintRule.DETERMINISTIC_LOW_ENTROPY, "uses " + p.encryption().mode()
                        + " encryption on a low-entropy value: equal ciphertexts reveal it by frequency or guessing.",
                        "use randomized @Encrypted and, to search it, a blind index over a coarser value.");
            }
            if (p.isEncrypted() && p.encryption().mode() != EncryptionMode.RANDOMIZED && subjectInScope
                    && c.isPersonalData() && !p.isSubjectId()) {
                report(path, LintRule.DETERMINISTIC_NOT_ERASABLE, "uses " + p.encryption().mode()
                        + " encryption, which stays under the field key to be searchable: forgetting the subject"
                        + " does not crypto-shred it.", "use randomized @Encrypted with a blind index for"
                        + " equality search, or erase this column explicitly when the subject is forgotten.");
            }
            if (c.operator() == Operator.PSEUDONYMIZE && lowEntropy) {
                report(path, LintRule.PSEUDONYM_LOW_ENTROPY, "is pseudonymized but has few possible values:"
                        + " every value can be tried against the pseudonyms.",
                        "use @Anonymize(GENERALIZE) or SUPPRESS.");
            }
            if (!c.isPersonalData()) {
                return;
            }
            if (c.purposes().isEmpty()) {
                report(path, LintRule.MISSING_PURPOSE, "declares no purpose.",
                        "add purposes = {...} to @PersonalData.");
            }
            if (c.retention().isEmpty()) {
                report(path, LintRule.MISSING_RETENTION, "declares no retention period.",
                        "add retention = \"P...\" (ISO-8601) to @PersonalData.");
            }
            if (c.legalBasis().isEmpty()) {
                report(path, LintRule.MISSING_LEGAL_BASIS, "declares no legal basis.",
                        "add legalBasis = ... to @PersonalData.");
            }
            if (!subjectInScope) {
                personalWithoutSubject = true;
            }
        }

        private void checkToString(Class<?> type) {
            if (!enabled(LintRule.TO_STRING_UNMASKED) || type.isInterface()) {
                return;
            }
            ToStringCheck.Finding finding = ToStringCheck.check(type);
            if (finding != null && reported.add(type.getName() + "##" + LintRule.TO_STRING_UNMASKED)) {
                out.add(new LintViolation(type, "", LintRule.TO_STRING_UNMASKED, "prints "
                        + String.join(", ", finding.fields()) + " in clear through " + finding.how() + ".",
                        "override toString() with 'return Masked.toString(this);', which masks by the same"
                                + " declarations as logs"));
            }
        }

        private void checkEncryptionPaths(PropertyMetadata p, String path) {
            if (!p.isEncrypted() || !enabled(LintRule.ENCRYPTION_PATH_UNSUPPORTED)) {
                return;
            }
            List<String> refusing = new ArrayList<>();
            AtRest first = null;
            for (EncryptionPath encryptionPath : EncryptionPath.values()) {
                AtRest atRest = paths.contains(encryptionPath) ? encryptionPath.decide(p) : null;
                if (atRest != null && !atRest.encrypted()) {
                    refusing.add(encryptionPath.label());
                    first = first == null ? atRest : first;
                }
            }
            if (first != null) {
                report(path, LintRule.ENCRYPTION_PATH_UNSUPPORTED, "is @Encrypted, but " + String.join(" and ",
                        refusing) + " cannot store it encrypted: it " + first.reason() + ".", first.fix()
                        + "; or lint only the paths the application uses: PrivacyLint.builder().encryptionPaths(...).");
            }
        }

        private void checkMapKeys(PropertyMetadata p, String path) {
            if (p.mapKey() != null || !enabled(LintRule.PERSONAL_MAP_KEY_UNDECLARED)) {
                return;
            }
            Class<?> key = MapKeys.keyClass(p.genericType());
            if (key == null) {
                return;
            }
            ClassMetadata values = p.elementMetadata();
            boolean personalValues = p.isProtected() || (values != null && values.hasProtectedData());
            String looks = personalValues ? MapKeys.looksPersonal(p, key) : null;
            if (looks != null) {
                report(path, LintRule.PERSONAL_MAP_KEY_UNDECLARED, "maps personal data by keys that look like "
                        + looks + ", but the keys are not declared, so logs and JSON show them in clear.",
                        "declare them on the key's type argument: Map<@PersonalData(...) " + key.getSimpleName()
                                + ", ...>, or key the map by something that is not personal.");
            }
        }

        private void report(String path, LintRule rule, String message, String fix) {
            if (!enabled(rule)) {
                return;
            }
            if (reported.add(root.getName() + "#" + path + "#" + rule)) {
                out.add(new LintViolation(root, path, rule, message, fix));
            }
        }
    }

    private static boolean isLowEntropy(PropertyMetadata p, Classification c) {
        PersonalDataType type = c.typeOrNull();
        if (type != null && LOW_ENTROPY_TYPES.contains(type)) {
            return true;
        }
        Class<?> t = p.elementClass();
        return t == boolean.class || t == Boolean.class || t.isEnum() || t == byte.class || t == Byte.class
                || t == short.class || t == Short.class || t == char.class || t == Character.class
                || t == LocalDate.class || t == Year.class || t == YearMonth.class || t == MonthDay.class;
    }

    /** Builds a {@link PrivacyLint}. */
    public static final class Builder {
        private boolean strict;
        private final Set<LintRule> ignored = EnumSet.noneOf(LintRule.class);
        private Set<EncryptionPath> paths = EnumSet.allOf(EncryptionPath.class);

        private Builder() {
        }

        /**
         * Turns on the strict rules: purposes, retention, legal basis and subject id required.
         *
         * @param strict whether to be strict
         * @return this builder
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Names the storage paths the application writes {@code @Encrypted} values through, so that
         * {@link LintRule#ENCRYPTION_PATH_UNSUPPORTED} checks those only; by default all of them. An
         * application that stores objects only through the Jackson encrypting mapper names
         * {@link EncryptionPath#JSON}.
         *
         * @param paths the paths, at least one
         * @return this builder
         * @throws IllegalArgumentException when none is given
         */
        public Builder encryptionPaths(EncryptionPath... paths) {
            if (paths.length == 0) {
                throw new IllegalArgumentException("name at least one encryption path");
            }
            this.paths = EnumSet.copyOf(Arrays.asList(paths));
            return this;
        }

        /**
         * Skips rules, for example RESTRICTED_NOT_ENCRYPTED in a module of request DTOs never stored.
         *
         * @param rules the rules to skip
         * @return this builder
         */
        public Builder ignore(LintRule... rules) {
            ignored.addAll(Arrays.asList(rules));
            return this;
        }

        /**
         * Builds the lint.
         *
         * @return the lint
         */
        public PrivacyLint build() {
            return new PrivacyLint(this);
        }
    }
}
