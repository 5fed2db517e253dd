package org.privacykit.spring.data;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.PluralAttribute;
import org.jspecify.annotations.Nullable;
import org.privacykit.jpa.EncryptedEntities;
import org.privacykit.jpa.SearchTerms;
import org.privacykit.jpa.Searchability;
import org.springframework.data.repository.query.parser.Part;

/**
 * One part of a derived query method ({@code EmailAndStatusIn} has two) as a Criteria predicate. A
 * part on a clear attribute becomes what Spring Data JPA makes of it; a part on an encrypted
 * attribute compares search terms, and only the comparisons that terms can answer are allowed: equal
 * and in (and their negations when the match is exact), null and not null.
 */
final class Condition {
    /** The part types on an encrypted attribute; the negations only when the match is exact. */
    private static final Set<Part.Type> ENCRYPTED = EnumSet.of(Part.Type.SIMPLE_PROPERTY, Part.Type.IN, Part.Type.IS_NULL, Part.Type.IS_NOT_NULL,
            Part.Type.NEGATING_SIMPLE_PROPERTY, Part.Type.NOT_IN);
    private static final Set<Part.Type> NEGATIONS = EnumSet.of(Part.Type.NEGATING_SIMPLE_PROPERTY, Part.Type.NOT_IN);
    private static final Set<Part.Type> UNSUPPORTED = EnumSet.of(Part.Type.NEAR, Part.Type.WITHIN, Part.Type.REGEX, Part.Type.EXISTS);
    /** {@code Part.getProperty()} returns a PropertyPath whose package differs between Spring Data 3 and 4. */
    private static final Method PART_PROPERTY;
    private static final Method DOT_PATH;

    static {
        try {
            PART_PROPERTY = Part.class.getMethod("getProperty");
            DOT_PATH = PART_PROPERTY.getReturnType().getMethod("toDotPath");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("this Spring Data version has no Part.getProperty().toDotPath()", e);
        }
    }

    private final Part part;
    private final String path;
    /** The encrypted attribute's entity and name, such as {@code Customer.email}; the path for a clear one. */
    private final String attribute;
    private final Class<?> owner;
    private final String leaf;
    private final @Nullable Searchability searchability;
    private final int[] arguments;

    private Condition(Part part, String path, String attribute, Class<?> owner, String leaf,
                      @Nullable Searchability searchability, int[] arguments) {
        this.part = part;
        this.path = path;
        this.attribute = attribute;
        this.owner = owner;
        this.leaf = leaf;
        this.searchability = searchability;
        this.arguments = arguments;
    }

    static Condition of(EncryptedUnit unit, Class<?> domainType, Part part, int[] arguments) {
        String path = dotPath(part);
        Leaf leaf = leaf(unit, domainType, path);
        Searchability searchability = leaf == null ? null
                : unit.entities().searchability(leaf.owner(), leaf.name()).orElse(null);
        return searchability == null || leaf == null
                ? new Condition(part, path, path, domainType, path, null, arguments)
                : new Condition(part, path, leaf.owner().getSimpleName() + "." + leaf.name(), leaf.owner(), leaf.name(),
                        searchability, arguments);
    }

    /** The encrypted attribute a property path ends in, as {@code Entity.attribute}, or {@code null}. */
    static @Nullable String encryptedAttribute(EncryptedUnit unit, Class<?> domainType, String path) {
        Leaf leaf = leaf(unit, domainType, path);
        return leaf != null && unit.entities().searchability(leaf.owner(), leaf.name()).isPresent()
                ? leaf.owner().getSimpleName() + "." + leaf.name() : null;
    }

    /** The entity (or embeddable) class that holds the path's last attribute, from the metamodel. */
    private static @Nullable Leaf leaf(EncryptedUnit unit, Class<?> domainType, String path) {
        String[] segments = path.split("\\.", -1);
        Class<?> owner = domainType;
        for (int i = 0; i < segments.length - 1; i++) {
            try {
                ManagedType<?> type = unit.metamodel().managedType(owner);
                Attribute<?, ?> a = type.getAttribute(segments[i]);
                owner = a instanceof PluralAttribute<?, ?, ?> plural ? plural.getElementType().getJavaType() : a.getJavaType();
            } catch (IllegalArgumentException notMapped) {
                return null;
            }
        }
        return new Leaf(owner, segments[segments.length - 1]);
    }

    private record Leaf(Class<?> owner, String name) {
    }

    private static String dotPath(Part part) {
        try {
            return (String) DOT_PATH.invoke(PART_PROPERTY.invoke(part));
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the property of " + part, e);
        }
    }

    @Nullable Searchability searchability() {
        return searchability;
    }

    String attribute() {
        return attribute;
    }

    /** Refuses, naming the method and attribute, what no query of this attribute could answer. */
    void check(String method, Class<?>[] parameters) {
        Part.Type type = part.getType();
        if (searchability == null) {
            if (UNSUPPORTED.contains(type)) {
                throw EncryptedQuery.refuse(method, null, type.name() + " is not supported in a query that also touches an "
                        + "encrypted attribute", "Split the query, or use a @Query");
            }
            return;
        }
        String fix = "Remove this condition, or search by equality (findBy" + capitalized(leaf) + "(String))";
        if (searchability == Searchability.NONE) {
            throw EncryptedQuery.refuse(method, attribute, "it is randomized and has no @BlindIndexFor attribute, so "
                    + "no query can find a value", "Add a @BlindIndexFor(\"" + leaf + "\") attribute to "
                    + owner.getSimpleName() + ", or make it @Encrypted(mode = DETERMINISTIC)");
        }
        if (!ENCRYPTED.contains(type)) {
            throw EncryptedQuery.refuse(method, attribute, type.name() + " cannot be evaluated on ciphertext (only equality, "
                    + "In, IsNull and IsNotNull can)", fix);
        }
        if (NEGATIONS.contains(type) && searchability == Searchability.BLIND_INDEX) {
            throw EncryptedQuery.refuse(method, attribute, type.name() + " cannot be evaluated through a blind index (it "
                    + "matches a few other values on purpose, so a negation would drop true results)", fix);
        }
        if (part.shouldIgnoreCase() == Part.IgnoreCaseType.ALWAYS) {
            throw EncryptedQuery.refuse(method, attribute, "IgnoreCase cannot apply to ciphertext; values are "
                    + "normalized by their @PersonalData type before they are encrypted or indexed (e-mail addresses "
                    + "and user names lower-cased), and so is the argument", "Drop IgnoreCase: findBy"
                    + capitalized(leaf) + " already ignores case where the type does");
        }
        if (path.contains(".") && searchability == Searchability.BLIND_INDEX) {
            throw EncryptedQuery.refuse(method, attribute, "a blind-indexed attribute of another entity cannot be "
                    + "checked after loading", "Query that entity's repository");
        }
        for (int index : arguments) {
            Class<?> p = parameters[index];
            boolean many = type == Part.Type.IN || type == Part.Type.NOT_IN;
            boolean ok = many ? Collection.class.isAssignableFrom(p) || (p.isArray() && CharSequence.class.isAssignableFrom(p.getComponentType()))
                    : CharSequence.class.isAssignableFrom(p);
            if (!ok && (type == Part.Type.SIMPLE_PROPERTY || type == Part.Type.NEGATING_SIMPLE_PROPERTY || many)) {
                throw EncryptedQuery.refuse(method, attribute, "its parameter is a " + p.getSimpleName()
                        + "; an encrypted attribute is searched by its clear text", many
                        ? "Declare the parameter as a Collection<String>" : "Declare the parameter as a String");
            }
        }
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    // ---------------------------------------------------------------- execution

    /** The attribute's path from the query root, joining collections as Spring Data does. */
    static Path<?> path(Root<?> root, String dotPath) {
        Path<?> path = root;
        String[] segments = dotPath.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i < segments.length - 1 && path instanceof From<?, ?> from
                    && from.getModel() instanceof ManagedType<?> type
                    && type.getAttribute(segments[i]) instanceof PluralAttribute<?, ?, ?>) {
                path = from.join(segments[i]);
            } else {
                path = path.get(segments[i]);
            }
        }
        return path;
    }

    Predicate predicate(EncryptedEntities entities, CriteriaBuilder cb, Root<?> root, @Nullable Object[] args) {
        Path<?> attributePath = path(root, path);
        return searchability == null ? clear(cb, attributePath, args) : encrypted(entities, cb, attributePath, args);
    }

    private Predicate encrypted(EncryptedEntities entities, CriteriaBuilder cb, Path<?> attributePath, @Nullable Object[] args) {
        Part.Type type = part.getType();
        if (type == Part.Type.IS_NULL) {
            return cb.isNull(attributePath);
        }
        if (type == Part.Type.IS_NOT_NULL) {
            return cb.isNotNull(attributePath);
        }
        Object argument = args[arguments[0]];
        if (argument == null && (type == Part.Type.SIMPLE_PROPERTY || type == Part.Type.NEGATING_SIMPLE_PROPERTY)) {
            return type == Part.Type.SIMPLE_PROPERTY ? cb.isNull(attributePath) : cb.isNotNull(attributePath);
        }
        List<String> terms = new ArrayList<>();
        String queried = leaf;
        for (String value : values(argument)) {
            SearchTerms s = entities.searchTerms(owner, leaf, value);
            terms.addAll(s.terms());
            queried = s.attribute();
        }
        if (terms.isEmpty()) {
            return type == Part.Type.NOT_IN ? cb.conjunction() : cb.disjunction();
        }
        Path<?> parent = attributePath.getParentPath();
        Predicate in = (parent == null ? attributePath : parent.get(queried)).in(terms);
        return NEGATIONS.contains(type) ? cb.not(in) : in;
    }

    /** The clear values of an argument: one for equality, each element for In. */
    private List<String> values(@Nullable Object argument) {
        List<String> values = new ArrayList<>();
        if (argument instanceof Collection<?> many) {
            for (Object v : many) {
                if (v != null) {
                    values.add(v.toString());
                }
            }
        } else if (argument instanceof Object[] many) {
            for (Object v : many) {
                if (v != null) {
                    values.add(v.toString());
                }
            }
        } else if (argument != null) {
            values.add(argument.toString());
        }
        return values;
    }

    /**
     * Whether a loaded candidate really matches this condition: for a blind-indexed attribute, its
     * decrypted value equals (one of) the argument(s) as the index normalizes them; every other
     * condition was decided exactly by the database.
     */
    boolean confirms(EncryptedEntities entities, Object candidate, @Nullable Object[] args) {
        if (searchability != Searchability.BLIND_INDEX || part.getType() == Part.Type.IS_NULL || part.getType() == Part.Type.IS_NOT_NULL) {
            return true;
        }
        Object argument = args[arguments[0]];
        if (argument == null) {
            return true; // "is null", decided by the database
        }
        for (String value : values(argument)) {
            if (entities.matches(candidate, leaf, value)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // Criteria's comparisons are generic in the attribute's type
    private Predicate clear(CriteriaBuilder cb, Path<?> path, @Nullable Object[] args) {
        Part.Type type = part.getType();
        boolean ignoreCase = part.shouldIgnoreCase() != Part.IgnoreCaseType.NEVER && path.getJavaType() == String.class;
        Expression<String> text = ignoreCase ? cb.upper(text(path)) : text(path);
        Expression<Comparable> comparable = (Expression<Comparable>) path;
        Object a0 = arguments.length > 0 ? args[arguments[0]] : null;
        return switch (type) {
            case SIMPLE_PROPERTY -> a0 == null ? cb.isNull(path)
                    : ignoreCase ? cb.equal(text, upper(a0)) : cb.equal(path, a0);
            case NEGATING_SIMPLE_PROPERTY -> a0 == null ? cb.isNotNull(path)
                    : ignoreCase ? cb.notEqual(text, upper(a0)) : cb.notEqual(path, a0);
            case IN -> in(cb, ignoreCase ? text : path, a0, ignoreCase);
            case NOT_IN -> cb.not(in(cb, ignoreCase ? text : path, a0, ignoreCase));
            case IS_NULL -> cb.isNull(path);
            case IS_NOT_NULL -> cb.isNotNull(path);
            case TRUE -> cb.isTrue((Expression<Boolean>) path);
            case FALSE -> cb.isFalse((Expression<Boolean>) path);
            case LESS_THAN, BEFORE -> cb.lessThan(comparable, (Comparable) a0);
            case LESS_THAN_EQUAL -> cb.lessThanOrEqualTo(comparable, (Comparable) a0);
            case GREATER_THAN, AFTER -> cb.greaterThan(comparable, (Comparable) a0);
            case GREATER_THAN_EQUAL -> cb.greaterThanOrEqualTo(comparable, (Comparable) a0);
            case BETWEEN -> cb.between(comparable, (Comparable) a0, (Comparable) args[arguments[1]]);
            case LIKE -> cb.like(text, String.valueOf(ignoreCase ? upper(a0) : a0));
            case NOT_LIKE -> cb.notLike(text, String.valueOf(ignoreCase ? upper(a0) : a0));
            case STARTING_WITH -> cb.like(text, escape(a0, ignoreCase) + "%", ESCAPE);
            case ENDING_WITH -> cb.like(text, "%" + escape(a0, ignoreCase), ESCAPE);
            case CONTAINING -> Collection.class.isAssignableFrom(path.getJavaType())
                    ? cb.isMember(a0, (Expression<Collection<Object>>) path) : cb.like(text, "%" + escape(a0, ignoreCase) + "%", ESCAPE);
            case NOT_CONTAINING -> Collection.class.isAssignableFrom(path.getJavaType())
                    ? cb.isNotMember(a0, (Expression<Collection<Object>>) path) : cb.notLike(text, "%" + escape(a0, ignoreCase) + "%", ESCAPE);
            case IS_EMPTY -> cb.isEmpty((Expression<Collection<?>>) path);
            case IS_NOT_EMPTY -> cb.isNotEmpty((Expression<Collection<?>>) path);
            case NEAR, WITHIN, REGEX, EXISTS -> throw new IllegalStateException(type + " refused at start-up");
        };
    }

    private static final char ESCAPE = '\\';

    /** A String attribute's path as a text expression (LIKE and IgnoreCase apply to String attributes only). */
    @SuppressWarnings("unchecked")
    static Expression<String> text(Path<?> path) {
        return (Expression<String>) path;
    }

    private static Predicate in(CriteriaBuilder cb, Expression<?> path, @Nullable Object argument, boolean upper) {
        List<Object> values = new ArrayList<>();
        if (argument instanceof Collection<?> many) {
            values.addAll(many);
        } else if (argument instanceof Object[] many) {
            values.addAll(Arrays.asList(many));
        } else if (argument != null) {
            values.add(argument);
        }
        if (values.isEmpty()) {
            return cb.disjunction();
        }
        return path.in(upper ? values.stream().map(Condition::upper).toList() : values);
    }

    private static Object upper(@Nullable Object value) {
        return value == null ? "" : value.toString().toUpperCase(java.util.Locale.ROOT);
    }

    private static String escape(@Nullable Object value, boolean upper) {
        String s = value == null ? "" : upper ? (String) upper(value) : value.toString();
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public String toString() {
        return attribute + " " + part.getType();
    }
}
