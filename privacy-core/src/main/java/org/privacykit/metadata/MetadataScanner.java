package org.privacykit.metadata;

import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.NullUnmarked;
import org.privacykit.annotation.Anonymize;
import org.privacykit.annotation.DataCategory;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.Mask;
import org.privacykit.annotation.MaskStyle;
import org.privacykit.annotation.NotPersonalData;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.annotation.SubjectId;

/** Reads the privacy declarations of one class. Runs once per class, from {@link PrivacyMetadata}. */
@NullUnmarked // nullness to annotate: see NOTES.md
final class MetadataScanner {
    /** Containers nested deeper than this in one declared type are treated as plain values. */
    private static final int MAX_CONTAINER_DEPTH = 8;

    private final Class<?> type;

    private MetadataScanner(Class<?> type) {
        this.type = type;
    }

    static ClassMetadata scan(Class<?> type) {
        return new MetadataScanner(type).scan();
    }

    /** The annotated elements of one property: field, record component and getter. */
    private static final class Source {
        final String name;
        Field field;
        Method getter;
        RecordComponent component;

        Source(String name) {
            this.name = name;
        }

        AnnotatedElement[] elements() {
            return new AnnotatedElement[] {component, field, getter};
        }

        AnnotatedType annotatedType() {
            if (component != null) {
                return component.getAnnotatedType();
            }
            return field != null ? field.getAnnotatedType() : getter.getAnnotatedReturnType();
        }

        Type genericType() {
            if (component != null) {
                return component.getGenericType();
            }
            return field != null ? field.getGenericType() : getter.getGenericReturnType();
        }

        Class<?> rawType() {
            if (component != null) {
                return component.getType();
            }
            return field != null ? field.getType() : getter.getReturnType();
        }
    }

    private ClassMetadata scan() {
        if (!PrivacyMetadata.isNavigable(type)) {
            return new ClassMetadata(type, List.of());
        }
        Map<String, Source> sources = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                Source source = new Source(component.getName());
                source.component = component;
                source.field = declaredField(type, component.getName());
                Method accessor = component.getAccessor();
                if (accessor.getDeclaringClass() == type && !accessor.isSynthetic()) {
                    source.getter = accessor;
                }
                sources.put(source.name, source);
            }
        } else {
            Deque<Class<?>> hierarchy = new ArrayDeque<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                hierarchy.push(c);
            }
            for (Class<?> c : hierarchy) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                        continue;
                    }
                    sources.computeIfAbsent(field.getName(), Source::new).field = field;
                }
            }
            for (Class<?> c : hierarchy) {
                for (Method method : c.getDeclaredMethods()) {
                    String property = getterProperty(method);
                    if (property == null || !hasPrivacyAnnotation(method)) {
                        continue;
                    }
                    sources.computeIfAbsent(property, Source::new).getter = method;
                }
            }
        }

        Set<String> declaredRoles = new HashSet<>();
        for (Source source : sources.values()) {
            List<SubjectId> ids = MetaAnnotations.findAll(SubjectId.class, source.elements());
            for (SubjectId id : ids) {
                if (!declaredRoles.add(id.value())) {
                    throw new PrivacyDeclarationException(qualified(source.name),
                            "a second @SubjectId" + (id.value().isEmpty() ? "" : " for role '" + id.value() + "'")
                                    + "; give each subject a distinct role");
                }
            }
        }

        List<PropertyMetadata> properties = new ArrayList<>();
        for (Source source : sources.values()) {
            PropertyMetadata property = property(source, properties.size(), declaredRoles);
            if (property != null) {
                properties.add(property);
            }
        }
        return new ClassMetadata(type, properties);
    }

    private PropertyMetadata property(Source source, int index, Set<String> declaredRoles) {
        AnnotatedElement[] elements = source.elements();
        String where = qualified(source.name);
        List<PersonalData> personal = MetaAnnotations.findAll(PersonalData.class, elements);
        List<Sensitive> sensitive = MetaAnnotations.findAll(Sensitive.class, elements);
        List<NotPersonalData> notPersonal = MetaAnnotations.findAll(NotPersonalData.class, elements);
        List<SubjectId> subjectIds = MetaAnnotations.findAll(SubjectId.class, elements);
        List<Encrypted> encrypted = MetaAnnotations.findAll(Encrypted.class, elements);
        List<Mask> masks = MetaAnnotations.findAll(Mask.class, elements);
        List<Anonymize> anonymize = MetaAnnotations.findAll(Anonymize.class, elements);

        boolean annotated = !(personal.isEmpty() && sensitive.isEmpty() && notPersonal.isEmpty()
                && subjectIds.isEmpty() && encrypted.isEmpty() && masks.isEmpty() && anonymize.isEmpty());

        atMostOne(where, "@PersonalData", personal);
        atMostOne(where, "@Encrypted", encrypted);
        atMostOne(where, "@Mask", masks);
        atMostOne(where, "@Anonymize", anonymize);
        if (!notPersonal.isEmpty()) {
            if (!personal.isEmpty()) {
                throw new PrivacyDeclarationException(where, "@NotPersonalData conflicts with @PersonalData");
            }
            if (!sensitive.isEmpty()) {
                throw new PrivacyDeclarationException(where, "@NotPersonalData conflicts with @Sensitive");
            }
        }
        boolean classified = !personal.isEmpty() || !sensitive.isEmpty();
        if (!classified && !masks.isEmpty()) {
            throw new PrivacyDeclarationException(where, "@Mask needs @PersonalData or @Sensitive");
        }
        if (!classified && !anonymize.isEmpty()) {
            throw new PrivacyDeclarationException(where, "@Anonymize needs @PersonalData or @Sensitive");
        }

        Field field = source.field;
        Method getter = source.getter;
        try {
            if (field != null) {
                field.setAccessible(true);
            }
            if (getter != null) {
                getter.setAccessible(true);
            }
        } catch (InaccessibleObjectException | SecurityException e) {
            if (!annotated) {
                return null; // a type we cannot open and that declares nothing: nothing to protect
            }
            throw new PrivacyDeclarationException(where, "cannot be read by privacy-kit; open its package to "
                    + "module org.privacykit.core (" + e.getClass().getSimpleName() + ")");
        }
        if (field == null && getter == null) {
            return null;
        }

        Type genericType = source.genericType();
        Class<?> rawType = source.rawType();
        StringBuilder suffix = new StringBuilder();
        Class<?> element = elementClass(genericType, suffix);

        String subjectRole = subjectIds.isEmpty() ? null : subjectIds.get(0).value();
        Classification classification = classified
                ? classify(where, personal, sensitive, masks, anonymize, declaredRoles)
                : null;
        EncryptionSpec encryption = null;
        if (!encrypted.isEmpty()) {
            Encrypted e = encrypted.get(0);
            EncryptionMode mode = e.mode();
            if (subjectRole != null && mode == EncryptionMode.RANDOMIZED) {
                throw new PrivacyDeclarationException(where, "a @SubjectId cannot use randomized encryption: it"
                        + " selects the subject's key and binds the other fields; use @Encrypted(mode = DETERMINISTIC)");
            }
            checkAlphabet(where, e.alphabet());
            String context = e.context().isBlank() ? type.getSimpleName() + "." + source.name : e.context().trim();
            encryption = new EncryptionSpec(mode, e.alphabet(), context);
        }
        String notPersonalReason = notPersonal.isEmpty() ? null : notPersonal.get(0).value();
        PropertyMetadata keys = mapKey(source, index, classified, declaredRoles);
        return new PropertyMetadata(type, source.name, index, genericType, rawType, suffix.toString(), element,
                classification, encryption, subjectRole, notPersonalReason, field, getter, keys, false);
    }

    /**
     * Reads the declaration of a map's keys from the key's type argument, for the outermost map among
     * the property's containers ({@code Map<@PersonalData(EMAIL) String, Order>},
     * {@code List<Map<@Sensitive String, Session>>}). A classification on any other type argument is
     * refused: the property's own annotation classifies the elements, and one that is not read would
     * leave the values in clear.
     */
    private PropertyMetadata mapKey(Source source, int index, boolean classified, Set<String> declaredRoles) {
        String where = qualified(source.name);
        AnnotatedType at = source.annotatedType();
        StringBuilder suffix = new StringBuilder();
        PropertyMetadata keys = null;
        for (int depth = 0; depth < MAX_CONTAINER_DEPTH && at != null; depth++) {
            Class<?> raw = rawClass(at.getType());
            AnnotatedType next;
            if (raw.isArray() && !raw.getComponentType().isPrimitive()) {
                suffix.append("[]");
                next = at instanceof AnnotatedArrayType ? ((AnnotatedArrayType) at).getAnnotatedGenericComponentType()
                        : null;
                // a declaration annotation in front of an array type is also a type annotation of its elements
                if (next != null && !classified) {
                    refuseClassification(where, next, "an array's element type");
                }
            } else if (Collection.class.isAssignableFrom(raw) || Iterable.class == raw) {
                suffix.append("[]");
                next = annotatedTypeArgument(at, 0);
                refuseClassification(where, next, "a collection's element type");
            } else if (Map.class.isAssignableFrom(raw)) {
                AnnotatedType key = annotatedTypeArgument(at, 0);
                if (key != null && isClassified(key)) {
                    if (keys != null) {
                        throw new PrivacyDeclarationException(where, "declares personal keys on two nested maps; "
                                + "privacy-kit reads the keys of the outermost map only");
                    }
                    keys = keyProperty(source, index, key, suffix + "{key}", declaredRoles);
                }
                suffix.append("{}");
                next = annotatedTypeArgument(at, 1);
                refuseClassification(where, next, "a map's value type");
            } else if (Optional.class == raw) {
                next = annotatedTypeArgument(at, 0);
                refuseClassification(where, next, "an Optional's content type");
            } else {
                break;
            }
            at = next;
        }
        return keys;
    }

    private PropertyMetadata keyProperty(Source source, int index, AnnotatedType key, String suffix,
                                         Set<String> declaredRoles) {
        String where = qualified(source.name) + "{key}";
        List<PersonalData> personal = MetaAnnotations.findAll(PersonalData.class, key);
        List<Sensitive> sensitive = MetaAnnotations.findAll(Sensitive.class, key);
        List<Mask> masks = MetaAnnotations.findAll(Mask.class, key);
        atMostOne(where, "@PersonalData", personal);
        atMostOne(where, "@Mask", masks);
        Classification keyClassification = classify(where, personal, sensitive, masks, List.of(), declaredRoles);
        Class<?> keyClass = rawClass(key.getType());
        return new PropertyMetadata(type, source.name, index, key.getType(), keyClass, suffix, keyClass,
                keyClassification, null, null, null, source.field, source.getter, null, true);
    }

    private static boolean isClassified(AnnotatedType type) {
        return !MetaAnnotations.findAll(PersonalData.class, type).isEmpty()
                || !MetaAnnotations.findAll(Sensitive.class, type).isEmpty();
    }

    private static void refuseClassification(String where, AnnotatedType argument, String position) {
        if (argument != null && isClassified(argument)) {
            throw new PrivacyDeclarationException(where, "@PersonalData or @Sensitive on " + position
                    + " is not read; declare it on the property itself (type arguments classify map keys only)");
        }
    }

    private static AnnotatedType annotatedTypeArgument(AnnotatedType type, int index) {
        if (type instanceof AnnotatedParameterizedType) {
            AnnotatedType[] args = ((AnnotatedParameterizedType) type).getAnnotatedActualTypeArguments();
            if (index < args.length) {
                return args[index];
            }
        }
        return null;
    }

    private Classification classify(String where, List<PersonalData> personal, List<Sensitive> sensitive,
                                    List<Mask> masks, List<Anonymize> anonymize, Set<String> declaredRoles) {
        Classification.Builder b = new Classification.Builder();
        PersonalData pd = personal.isEmpty() ? null : personal.get(0);
        if (pd != null) {
            b.type = pd.value();
            b.category = single(where, "category", pd.category(), pd.value().defaultCategory());
            b.sensitivity = single(where, "sensitivity", pd.sensitivity(), pd.value().defaultSensitivity());
            b.legalBasis = single(where, "legalBasis", pd.legalBasis(), null);
            Set<String> purposes = new HashSet<>();
            for (String purpose : pd.purposes()) {
                if (purpose == null || purpose.isBlank()) {
                    throw new PrivacyDeclarationException(where, "@PersonalData purposes has a blank entry");
                }
                purposes.add(purpose.trim().toLowerCase(Locale.ROOT));
            }
            b.purposes = purposes;
            if (!pd.retention().isEmpty()) {
                try {
                    b.retention = RetentionPeriod.parse(pd.retention());
                } catch (IllegalArgumentException e) {
                    throw new PrivacyDeclarationException(where, "@PersonalData " + e.getMessage());
                }
            }
            b.subjectRole = pd.subject();
            if (!pd.subject().isEmpty() && !declaredRoles.isEmpty() && !declaredRoles.contains(pd.subject())) {
                throw new PrivacyDeclarationException(where, "@PersonalData subject '" + pd.subject()
                        + "' names no @SubjectId of " + type.getSimpleName() + " (roles: " + declaredRoles + ")");
            }
            b.maskStyle = pd.value().defaultMask();
            b.operator = pd.value().defaultOperator();
        } else {
            b.category = DataCategory.CREDENTIALS;
            b.sensitivity = Sensitivity.RESTRICTED;
            b.maskStyle = MaskStyle.FULL;
            b.operator = Operator.SUPPRESS;
        }
        if (!sensitive.isEmpty()) {
            b.markedSensitive = true;
            b.sensitiveReason = sensitive.get(0).value();
            b.sensitivity = Sensitivity.RESTRICTED;
        }
        if (b.sensitivity == Sensitivity.RESTRICTED && b.operator != Operator.FAKE && b.operator != Operator.REDACT) {
            b.operator = Operator.SUPPRESS;
        }
        if (!masks.isEmpty()) {
            Mask mask = masks.get(0);
            if (mask.keepFirst() < -1 || mask.keepLast() < -1) {
                throw new PrivacyDeclarationException(where, "@Mask keepFirst and keepLast must be -1 or more");
            }
            if (mask.value() != MaskStyle.DEFAULT) {
                b.maskStyle = mask.value();
            }
            b.maskKeepFirst = mask.keepFirst();
            b.maskKeepLast = mask.keepLast();
            b.maskChar = mask.maskChar();
            b.maskOverridden = true;
        }
        if (!anonymize.isEmpty()) {
            Anonymize a = anonymize.get(0);
            if (a.value() == Operator.KEEP && b.sensitivity == Sensitivity.RESTRICTED) {
                throw new PrivacyDeclarationException(where,
                        "@Anonymize(KEEP) is not allowed on RESTRICTED data; anonymized copies never keep it");
            }
            if (a.maxShiftDays() < 0 || a.bucket() < 0 || a.keepPrefix() < 0) {
                throw new PrivacyDeclarationException(where, "@Anonymize parameters must not be negative");
            }
            b.operator = a.value();
            b.operatorOverridden = true;
            b.maxShiftDays = a.maxShiftDays();
            b.bucket = a.bucket();
            b.keepPrefix = a.keepPrefix();
        }
        return new Classification(b);
    }

    private static void checkAlphabet(String where, String alphabet) {
        if (alphabet.isEmpty()) {
            return;
        }
        Set<Integer> seen = new HashSet<>();
        alphabet.codePoints().forEach(cp -> {
            if (!seen.add(cp)) {
                throw new PrivacyDeclarationException(where, "@Encrypted alphabet repeats a character");
            }
        });
        if (seen.size() < 2) {
            throw new PrivacyDeclarationException(where, "@Encrypted alphabet needs at least two characters");
        }
    }

    private <T> T single(String where, String element, T[] values, T fallback) {
        if (values.length > 1) {
            throw new PrivacyDeclarationException(where, "@PersonalData " + element + " takes at most one value");
        }
        return values.length == 1 ? values[0] : fallback;
    }

    private static void atMostOne(String where, String name, List<?> found) {
        if (found.size() > 1) {
            throw new PrivacyDeclarationException(where, "declares " + name + " " + found.size()
                    + " times with different settings (directly or through meta-annotations)");
        }
    }

    private String qualified(String property) {
        return type.getSimpleName() + "." + property;
    }

    private static boolean hasPrivacyAnnotation(Method method) {
        return !MetaAnnotations.findAll(PersonalData.class, method).isEmpty()
                || !MetaAnnotations.findAll(Sensitive.class, method).isEmpty()
                || !MetaAnnotations.findAll(SubjectId.class, method).isEmpty()
                || !MetaAnnotations.findAll(NotPersonalData.class, method).isEmpty()
                || !MetaAnnotations.findAll(Encrypted.class, method).isEmpty()
                || !MetaAnnotations.findAll(Mask.class, method).isEmpty()
                || !MetaAnnotations.findAll(Anonymize.class, method).isEmpty();
    }

    private static String getterProperty(Method method) {
        if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers()) || method.isSynthetic()
                || method.isBridge() || method.getReturnType() == void.class) {
            return null;
        }
        String name = method.getName();
        String rest;
        if (name.startsWith("get") && name.length() > 3) {
            rest = name.substring(3);
        } else if (name.startsWith("is") && name.length() > 2
                && (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class)) {
            rest = name.substring(2);
        } else {
            return null;
        }
        if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1)) && Character.isUpperCase(rest.charAt(0))) {
            return rest; // URL -> URL, as java.beans.Introspector.decapitalize does
        }
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    private static Field declaredField(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /** The class of the values inside any containers, appending their path suffix. */
    static Class<?> elementClass(Type type, StringBuilder suffix) {
        for (int depth = 0; depth < MAX_CONTAINER_DEPTH; depth++) {
            Class<?> raw = rawClass(type);
            if (raw.isArray()) {
                if (raw.getComponentType().isPrimitive()) {
                    return raw;
                }
                suffix.append("[]");
                type = type instanceof GenericArrayType
                        ? ((GenericArrayType) type).getGenericComponentType()
                        : raw.getComponentType();
            } else if (Collection.class.isAssignableFrom(raw) || Iterable.class == raw) {
                suffix.append("[]");
                type = typeArgument(type, 0);
            } else if (Map.class.isAssignableFrom(raw)) {
                suffix.append("{}");
                type = typeArgument(type, 1);
            } else if (Optional.class == raw) {
                type = typeArgument(type, 0);
            } else {
                return raw;
            }
        }
        return rawClass(type);
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType) {
            Type[] args = ((ParameterizedType) type).getActualTypeArguments();
            if (index < args.length) {
                return args[index];
            }
        }
        return Object.class;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class) {
            return (Class<?>) type;
        }
        if (type instanceof ParameterizedType) {
            return rawClass(((ParameterizedType) type).getRawType());
        }
        if (type instanceof GenericArrayType) {
            Class<?> component = rawClass(((GenericArrayType) type).getGenericComponentType());
            return component.arrayType();
        }
        if (type instanceof WildcardType) {
            Type[] upper = ((WildcardType) type).getUpperBounds();
            return upper.length == 0 ? Object.class : rawClass(upper[0]);
        }
        return Object.class; // type variables: the runtime class decides when walking values
    }
}
