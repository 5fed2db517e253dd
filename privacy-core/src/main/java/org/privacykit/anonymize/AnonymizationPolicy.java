package org.privacykit.anonymize;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.Operator;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.metadata.RedactedException;
import org.privacykit.spi.engine.GraphCopy;

/**
 * What an anonymized copy holds, property by property, for {@link GraphCopy}: protected values
 * through their operator (or the one a selector chooses), subject ids pseudonymized, unclassified
 * {@code @Encrypted} values dropped, personal map keys pseudonymized, everything else deep-copied.
 * One per call; not thread-safe.
 */
final class AnonymizationPolicy implements GraphCopy.Policy<RuntimeException> {
    private final Anonymizer anonymizer;
    private final OperatorSelector selector;
    private @Nullable Class<?> planned;
    private Anonymizer.@Nullable ClassPlan plan;

    AnonymizationPolicy(Anonymizer anonymizer, OperatorSelector selector) {
        this.anonymizer = anonymizer;
        this.selector = selector;
    }

    @Override
    public boolean copiesUnchanged() {
        return true;
    }

    @Override
    public boolean tracksPaths() {
        return selector != null;
    }

    private Anonymizer.PropertyPlan planOf(PropertyMetadata property) {
        Anonymizer.ClassPlan current = plan;
        if (current == null || property.owner() != planned) {
            current = anonymizer.plan(PrivacyMetadata.of(property.owner()));
            plan = current;
            planned = property.owner();
        }
        return current.of(property);
    }

    @Override
    public GraphCopy.Mapping<RuntimeException> property(PropertyMetadata p, @Nullable Object value,
                                                        GraphCopy.Site<RuntimeException> site) {
        Anonymizer.PropertyPlan plan = planOf(p);
        GraphCopy.@Nullable ValueFunction<RuntimeException> keys = plan.keys == null ? null : keys(plan.keys, site);
        switch (plan.kind) {
            case PROTECTED: {
                String subject = site.subjectId(p.classification().subjectRole());
                Operator op = plan.operator;
                Transforms.ValueTransform transform = plan.transform;
                if (selector != null) {
                    op = selector.select(new FieldSite(String.valueOf(site.path()), p, subject, plan.operator));
                    if (op == null) {
                        return GraphCopy.Mapping.transform(null, keys);
                    }
                    transform = plan.transform(op);
                }
                return GraphCopy.Mapping.transform(values(p, op, transform, subject), keys);
            }
            case SUBJECT_ID: {
                if (selector != null || value == null) {
                    return GraphCopy.Mapping.copy();
                }
                Object pseudonym = anonymizer.transforms().pseudonymizeSubjectId(value, p.qualifiedName());
                return pseudonym != null ? GraphCopy.Mapping.replace(pseudonym) : GraphCopy.Mapping.copy();
            }
            case DROP:
                return selector != null ? GraphCopy.Mapping.copy() : GraphCopy.Mapping.replace(Transforms.zero(p.rawType()));
            default:
                return GraphCopy.Mapping.transform(null, keys);
        }
    }

    /** What each value of a protected property becomes under an operator. */
    private static GraphCopy.ValueFunction<RuntimeException> values(PropertyMetadata p, Operator op,
                                                                   Transforms.ValueTransform transform,
                                                                   @Nullable String subject) {
        return (value, direct) -> {
            if (op == Operator.KEEP) {
                return GraphCopy.COPY;
            }
            if (value instanceof String) {
                return transform.apply(value, subject);
            }
            if (value instanceof Optional<?> optional) {
                return op == Operator.SUPPRESS || optional.isEmpty() ? Optional.empty() : GraphCopy.DESCEND;
            }
            Class<?> type = value.getClass();
            if (value instanceof Collection || value instanceof Map
                    || (type.isArray() && !type.getComponentType().isPrimitive())) {
                return op == Operator.SUPPRESS ? GraphCopy.EMPTY : GraphCopy.DESCEND;
            }
            if (PrivacyMetadata.isNavigable(type)) {
                if (op == Operator.SUPPRESS || op == Operator.REDACT) {
                    return null;
                }
                throw Transforms.unsupported(p.qualifiedName(), op, type, "single values");
            }
            Object result = transform.apply(value, subject);
            return result == null && direct ? Transforms.zero(p.rawType()) : result;
        };
    }

    /**
     * What each personal key of a map becomes: the keys' operator (see {@code Anonymizer.keyOperator});
     * under a selector, only when it chooses an operator for the keys at all.
     */
    private GraphCopy.@Nullable ValueFunction<RuntimeException> keys(Anonymizer.PropertyPlan keys,
                                                          GraphCopy.Site<RuntimeException> site) {
        PropertyMetadata k = keys.property;
        if (keys.operator == Operator.KEEP) {
            return null;
        }
        String subject = site.subjectId(k.classification().subjectRole());
        if (selector != null && selector.select(new FieldSite(site.path() + "{key}", k, subject, keys.operator)) == null) {
            return null;
        }
        return (key, direct) -> {
            if (PrivacyMetadata.isNavigable(key.getClass())) {
                throw Transforms.unsupported(k.qualifiedName(), keys.operator, key.getClass(), "single values");
            }
            return keys.transform.apply(key, subject);
        };
    }

    @Override
    public RuntimeException rejected(Class<?> type, @Nullable PropertyMetadata component, Throwable cause) {
        String thrown = RedactedException.typeOf(cause);
        if (component == null) {
            return new AnonymizationException(type.getSimpleName(), "the constructor rejects the anonymized values"
                    + " (it threw " + thrown + "); give the fields operators whose output it accepts, or move the"
                    + " check out of the constructor", RedactedException.of(cause));
        }
        return new AnonymizationException(component.qualifiedName(), "the constructor of " + type.getSimpleName()
                + " rejects the anonymized value of " + component.name() + " (it threw " + thrown + "); give "
                + component.name() + " an operator whose output the constructor accepts (@Anonymize(FAKE) keeps"
                + " the format of the types that have fakes, SUPPRESS gives null), or move the check out of the"
                + " constructor", RedactedException.of(cause));
    }

    @Override
    public RuntimeException cycle(Class<?> type) {
        return new AnonymizationException(type.getSimpleName(), "the object graph leads back to this object while its"
                + " copy is built through its constructor (a record, or a class without a no-argument constructor);"
                + " such cycles cannot be copied. Give the class a no-argument constructor, or break the cycle");
    }

    @Override
    public RuntimeException keysCollide(PropertyMetadata keys) {
        return new AnonymizationException(keys.qualifiedName(), "two keys of one map became equal in the anonymized"
                + " copy, which would lose an entry; key the map by text, a UUID or a number (pseudonymized, so"
                + " distinct), or by something that is not personal");
    }

    @Override
    public RuntimeException doesNotFit(Class<?> component, @Nullable PropertyMetadata property) {
        return new AnonymizationException(property == null ? component.getSimpleName() + "[]"
                : property.qualifiedName(), "the anonymized value does not fit the array's element type");
    }
}
