package org.privacykit.spring.data;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.jspecify.annotations.Nullable;
import org.privacykit.jpa.Searchability;
import org.privacykit.spring.PrivacyKitConfigurationException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * One derived query method that touches an encrypted attribute, planned at start-up and run with JPA's
 * Criteria API on each call. The method's parts become predicates as Spring Data would make them
 * ({@link Condition}); a part on an encrypted attribute compares the argument's search terms: the
 * deterministic ciphertexts under every enabled key (an exact match), or the values of the
 * attribute's blind index, whose few false positives are dropped after loading by comparing the
 * decrypted values. Counting, existence, limits and pages are then applied to what remains, so a
 * blind-index query returns exactly what a query on clear text would.
 */
final class EncryptedQuery {
    private final String method;
    private final Class<?> domainType;
    private final EncryptedUnit unit;
    private final PartTree tree;
    /** The Or-groups of And-ed conditions, in the method name's order. */
    private final List<List<Condition>> groups;
    /** Whether every encrypted condition is exact (no blind index): the database then does it all. */
    private final boolean exact;
    private final Shape shape;
    private final int pageableIndex;
    private final int sortIndex;
    private final int limitIndex;
    /** Whether a count is returned as an {@code int} rather than a {@code long}. */
    private final boolean intCount;

    private EncryptedQuery(String method, Class<?> domainType, EncryptedUnit unit, PartTree tree,
                           List<List<Condition>> groups, Shape shape, int pageableIndex, int sortIndex, int limitIndex) {
        this.method = method;
        this.domainType = domainType;
        this.unit = unit;
        this.tree = tree;
        this.groups = groups;
        this.exact = groups.stream().flatMap(List::stream).noneMatch(c -> c.searchability() == Searchability.BLIND_INDEX);
        this.shape = shape;
        this.pageableIndex = pageableIndex;
        this.sortIndex = sortIndex;
        this.limitIndex = limitIndex;
        this.intCount = false;
    }

    private EncryptedQuery(EncryptedQuery plan, boolean intCount) {
        this.method = plan.method;
        this.domainType = plan.domainType;
        this.unit = plan.unit;
        this.tree = plan.tree;
        this.groups = plan.groups;
        this.exact = plan.exact;
        this.shape = plan.shape;
        this.pageableIndex = plan.pageableIndex;
        this.sortIndex = plan.sortIndex;
        this.limitIndex = plan.limitIndex;
        this.intCount = intCount;
    }

    /**
     * Plans a query method.
     *
     * @return the plan, or empty when the method touches no encrypted attribute (Spring Data answers it)
     * @throws PrivacyKitConfigurationException when the method touches an encrypted attribute in a way
     *         no query can answer, naming the method and the attribute
     */
    static Optional<EncryptedQuery> plan(EncryptedUnit unit, Class<?> repository, Class<?> domainType, Method method) {
        PartTree tree;
        try {
            tree = new PartTree(method.getName(), domainType);
        } catch (RuntimeException notDerived) {
            return Optional.empty(); // a named query, or a name Spring Data itself will report
        }
        String name = repository.getSimpleName() + "." + method.getName();
        boolean encrypted = false;
        List<Integer> bindable = new ArrayList<>();
        int pageable = -1;
        int sort = -1;
        int limit = -1;
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            if (Pageable.class.isAssignableFrom(parameters[i])) {
                pageable = i;
            } else if (Sort.class.isAssignableFrom(parameters[i])) {
                sort = i;
            } else if (Limit.class.isAssignableFrom(parameters[i])) {
                limit = i;
            } else {
                bindable.add(i);
            }
        }
        List<List<Condition>> groups = new ArrayList<>();
        int next = 0;
        for (PartTree.OrPart or : tree) {
            List<Condition> group = new ArrayList<>();
            for (Part part : or) {
                int[] arguments = new int[part.getNumberOfArguments()];
                for (int a = 0; a < arguments.length && next < bindable.size(); a++) {
                    arguments[a] = bindable.get(next++);
                }
                Condition condition = Condition.of(unit, domainType, part, arguments);
                encrypted |= condition.searchability() != null;
                group.add(condition);
            }
            groups.add(group);
        }
        for (Sort.Order order : tree.getSort()) {
            if (Condition.encryptedAttribute(unit, domainType, order.getProperty()) != null) {
                encrypted = true;
            }
        }
        if (!encrypted) {
            return Optional.empty();
        }
        EncryptedQuery query = new EncryptedQuery(name, domainType, unit, tree, List.copyOf(groups),
                Shape.of(name, tree, method, domainType), pageable, sort, limit);
        query.check(method, parameters);
        Class<?> r = method.getReturnType();
        return Optional.of(new EncryptedQuery(query, r == int.class || r == Integer.class));
    }

    private void check(Method m, Class<?>[] parameters) {
        for (List<Condition> group : groups) {
            for (Condition c : group) {
                c.check(method, parameters);
                if (c.searchability() == Searchability.BLIND_INDEX && groups.size() > 1) {
                    throw refuse(c.attribute(), "a blind-indexed attribute cannot be part of an Or query (its "
                            + "candidates are checked after loading, one And-group at a time)", "Split the method in two");
                }
            }
        }
        for (Sort.Order order : tree.getSort()) {
            String attribute = Condition.encryptedAttribute(unit, domainType, order.getProperty());
            if (attribute != null) {
                throw refuse(attribute, "results cannot be ordered by an encrypted attribute (the database holds "
                        + "ciphertext)", "Remove it from the OrderBy clause, or sort the results after loading");
            }
        }
        if (shape == Shape.PAGE && pageableIndex < 0) {
            throw refuse(null, "a Page needs a Pageable parameter", "Add a Pageable parameter");
        }
        for (Class<?> p : parameters) {
            if (p == Class.class || p.getName().equals("org.springframework.data.domain.ScrollPosition")) {
                throw refuse(null, "dynamic projections and scrolling are not supported on encrypted attributes",
                        "Return the entity, and use a Pageable or a Limit");
            }
        }
        for (String annotation : List.of("Lock", "EntityGraph", "QueryHints", "Modifying")) {
            for (var a : m.getAnnotations()) {
                if (a.annotationType().getName().equals("org.springframework.data.jpa.repository." + annotation)) {
                    throw refuse(null, "@" + annotation + " is not supported on a query of encrypted attributes",
                            "Remove it, or load the entities by id (findById honours it)");
                }
            }
        }
    }

    private PrivacyKitConfigurationException refuse(@Nullable String attribute, String reason, String action) {
        return refuse(method, attribute, reason, action);
    }

    static PrivacyKitConfigurationException refuse(String method, @Nullable String attribute, String reason, String action) {
        return new PrivacyKitConfigurationException("repository method " + method + " cannot work"
                + (attribute == null ? "" : " on " + attribute) + ": " + reason, action + ".");
    }

    // ---------------------------------------------------------------- execution

    @Nullable Object execute(@Nullable Object[] args) {
        Pageable pageable = pageableIndex >= 0 && args[pageableIndex] instanceof Pageable p ? p : Pageable.unpaged();
        Sort sort = tree.getSort();
        if (sortIndex >= 0 && args[sortIndex] instanceof Sort s) {
            sort = sort.and(s);
        }
        if (pageable.isPaged()) {
            sort = sort.and(pageable.getSort());
        }
        for (Sort.Order order : sort) {
            String attribute = Condition.encryptedAttribute(unit, domainType, order.getProperty());
            if (attribute != null) {
                throw new InvalidDataAccessApiUsageException(method + ": results cannot be sorted by " + attribute
                        + ", an encrypted attribute (the database holds ciphertext)");
            }
        }
        int max = Integer.MAX_VALUE;
        if (tree.getMaxResults() != null) {
            max = tree.getMaxResults();
        }
        if (limitIndex >= 0 && args[limitIndex] instanceof Limit l && l.isLimited()) {
            max = Math.min(max, l.max());
        }
        return switch (shape) {
            case COUNT -> number(count(args));
            case EXISTS -> !rows(args, sort, 0, 1).isEmpty();
            case DELETE_COUNT, DELETE_LIST, DELETE_VOID -> delete(args, sort, max);
            case LIST -> rows(args, sort, pageable.isPaged() ? pageable.getOffset() : 0, window(pageable, max));
            case SET -> new LinkedHashSet<>(rows(args, sort, pageable.isPaged() ? pageable.getOffset() : 0, window(pageable, max)));
            case STREAM -> rows(args, sort, pageable.isPaged() ? pageable.getOffset() : 0, window(pageable, max)).stream();
            case SINGLE, OPTIONAL -> single(args, sort, max);
            case PAGE -> page(args, sort, pageable, max);
            case SLICE -> slice(args, sort, pageable, max);
        };
    }

    private static int window(Pageable pageable, int max) {
        return pageable.isPaged() ? Math.min(pageable.getPageSize(), max) : max;
    }

    private @Nullable Object single(@Nullable Object[] args, Sort sort, int max) {
        List<?> found = rows(args, sort, 0, Math.min(max, 2));
        if (found.size() > 1) {
            throw new IncorrectResultSizeDataAccessException(method + " found more than one result", 1, found.size());
        }
        Object only = found.isEmpty() ? null : found.get(0);
        return shape == Shape.OPTIONAL ? Optional.ofNullable(only) : only;
    }

    private Object page(@Nullable Object[] args, Sort sort, Pageable pageable, int max) {
        if (pageable.isUnpaged()) {
            List<Object> all = rows(args, sort, 0, max);
            return new PageImpl<>(all, pageable, all.size());
        }
        List<Object> content = rows(args, sort, pageable.getOffset(), window(pageable, max));
        long total = pageable.getOffset() == 0 && content.size() < pageable.getPageSize()
                ? content.size() : Math.min(count(args), max);
        return new PageImpl<>(content, pageable, total);
    }

    private Object slice(@Nullable Object[] args, Sort sort, Pageable pageable, int max) {
        if (pageable.isUnpaged()) {
            return new SliceImpl<>(rows(args, sort, 0, max), pageable, false);
        }
        int size = window(pageable, max);
        List<Object> content = rows(args, sort, pageable.getOffset(), size == Integer.MAX_VALUE ? size : size + 1);
        boolean more = content.size() > size;
        return new SliceImpl<>(more ? content.subList(0, size) : content, pageable, more);
    }

    private @Nullable Object delete(@Nullable Object[] args, Sort sort, int max) {
        List<?> found = rows(args, sort, 0, max);
        EntityManager em = unit.entityManager();
        for (Object entity : found) {
            em.remove(entity);
        }
        return switch (shape) {
            case DELETE_LIST -> found;
            case DELETE_VOID -> null;
            default -> number(found.size());
        };
    }

    private long count(@Nullable Object[] args) {
        if (exact) {
            CriteriaBuilder cb = unit.entityManager().getCriteriaBuilder();
            CriteriaQuery<Long> query = cb.createQuery(Long.class);
            Root<?> root = query.from(domainType);
            query.select(tree.isDistinct() ? cb.countDistinct(root) : cb.count(root)).where(where(cb, root, args));
            return unit.entityManager().createQuery(query).getSingleResult();
        }
        return rows(args, Sort.unsorted(), 0, Integer.MAX_VALUE).size();
    }

    private Object number(long n) {
        return intCount ? (Object) Math.toIntExact(n) : (Object) n;
    }

    /**
     * The matching entities in order, from {@code offset}, at most {@code max}: by the database when
     * every encrypted condition is exact, else the candidates filtered here and then windowed.
     */
    private List<Object> rows(@Nullable Object[] args, Sort sort, long offset, int max) {
        EntityManager em = unit.entityManager();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> query = cb.createQuery();
        Root<?> root = query.from(domainType);
        query.select(root).distinct(tree.isDistinct()).where(where(cb, root, args));
        List<Order> orders = new ArrayList<>();
        for (Sort.Order o : sort) {
            var path = Condition.path(root, o.getProperty());
            var expression = o.isIgnoreCase() ? cb.upper(Condition.text(path)) : path;
            orders.add(o.isAscending() ? cb.asc(expression) : cb.desc(expression));
        }
        query.orderBy(orders);
        TypedQuery<Object> typed = em.createQuery(query);
        if (exact) {
            if (offset > 0) {
                typed.setFirstResult(Math.toIntExact(offset));
            }
            if (max != Integer.MAX_VALUE) {
                typed.setMaxResults(max);
            }
            return typed.getResultList();
        }
        List<Object> matches = new ArrayList<>();
        long skipped = 0;
        for (Object candidate : typed.getResultList()) {
            if (matches.size() >= max) {
                break;
            }
            if (groups.get(0).stream().allMatch(c -> c.confirms(unit.entities(), candidate, args))) {
                if (skipped++ >= offset) {
                    matches.add(candidate);
                }
            }
        }
        return matches;
    }

    private Predicate where(CriteriaBuilder cb, Root<?> root, @Nullable Object[] args) {
        if (groups.isEmpty()) {
            return cb.conjunction();
        }
        List<Predicate> ors = new ArrayList<>();
        for (List<Condition> group : groups) {
            List<Predicate> ands = new ArrayList<>();
            for (Condition c : group) {
                ands.add(c.predicate(unit.entities(), cb, root, args));
            }
            ors.add(cb.and(ands.toArray(Predicate[]::new)));
        }
        return cb.or(ors.toArray(Predicate[]::new));
    }

    @Override
    public String toString() {
        return "EncryptedQuery[" + method + (exact ? "" : ", blind index") + "]";
    }

    /** What the method returns. */
    enum Shape {
        COUNT, EXISTS, DELETE_COUNT, DELETE_LIST, DELETE_VOID, LIST, SET, STREAM, SINGLE, OPTIONAL, PAGE, SLICE;

        static Shape of(String name, PartTree tree, Method method, Class<?> domainType) {
            Class<?> r = method.getReturnType();
            boolean number = r == long.class || r == Long.class || r == int.class || r == Integer.class;
            if (tree.isCountProjection()) {
                return require(number, COUNT, name, "a count returns long or int");
            }
            if (tree.isExistsProjection()) {
                return require(r == boolean.class || r == Boolean.class, EXISTS, name, "an exists query returns boolean");
            }
            if (tree.isDelete()) {
                if (r == void.class) {
                    return DELETE_VOID;
                }
                if (number) {
                    return DELETE_COUNT;
                }
                return require(r.isAssignableFrom(List.class), DELETE_LIST, name,
                        "a delete query returns void, a count or a List of the entities");
            }
            Shape shape;
            if (Page.class == r) {
                shape = PAGE;
            } else if (Slice.class == r) {
                shape = SLICE;
            } else if (Stream.class == r) {
                shape = STREAM;
            } else if (Optional.class == r) {
                shape = OPTIONAL;
            } else if (r.isAssignableFrom(List.class)) {
                shape = LIST;
            } else if (r == Set.class || r == Collection.class) {
                shape = SET;
            } else if (r.isAssignableFrom(domainType)) {
                return SINGLE;
            } else {
                throw refuse(name, null, "returns " + r.getSimpleName() + ", which privacy-kit cannot make from the "
                        + "query of an encrypted attribute (projections, futures and other wrappers are not supported)",
                        "Return the entity, an Optional, a List, a Set, a Stream, a Page or a Slice of it");
            }
            Class<?> element = elementType(method);
            if (element != null && !element.isAssignableFrom(domainType)) {
                throw refuse(name, null, "returns " + element.getSimpleName() + " elements; projections are not "
                        + "supported on a query of encrypted attributes", "Return the entity " + domainType.getSimpleName());
            }
            return shape;
        }

        private static @Nullable Class<?> elementType(Method method) {
            if (method.getGenericReturnType() instanceof java.lang.reflect.ParameterizedType p
                    && p.getActualTypeArguments().length == 1 && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                return c;
            }
            return null;
        }

        private static Shape require(boolean ok, Shape shape, String name, String reason) {
            if (!ok) {
                throw refuse(name, null, reason, "Change the return type");
            }
            return shape;
        }
    }
}
