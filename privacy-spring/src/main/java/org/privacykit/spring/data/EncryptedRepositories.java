package org.privacykit.spring.data;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManagerFactory;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.privacykit.jpa.EncryptedEntities;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.support.RepositoryProxyPostProcessor;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

/**
 * Gives each JPA repository factory a proxy post-processor that plans, once per repository, the
 * derived query methods touching an encrypted attribute ({@link EncryptedQuery}) and answers those
 * methods itself; every other method goes to Spring Data as usual. A method that cannot work fails
 * the repository's creation, so the application's start-up, with a
 * {@code PrivacyKitConfigurationException} naming the method and the attribute.
 *
 * <p>Methods with a declared query ({@code @Query}) are left alone: their text compares what it says.
 */
final class EncryptedRepositories implements BeanPostProcessor {
    private final ObjectProvider<EntityManagerFactory> factories;

    EncryptedRepositories(ObjectProvider<EntityManagerFactory> factories) {
        this.factories = factories;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JpaRepositoryFactoryBean<?, ?, ?> factory) {
            factory.addRepositoryFactoryCustomizer(f -> f.addRepositoryProxyPostProcessor(new Planner()));
        }
        return bean;
    }

    /** The persistence unit that manages a domain type with encrypted attributes, if any. */
    private Optional<EncryptedUnit> unitOf(Class<?> domainType) {
        for (EntityManagerFactory emf : (Iterable<EntityManagerFactory>) factories.orderedStream()::iterator) {
            try {
                emf.getMetamodel().entity(domainType);
            } catch (IllegalArgumentException notManagedHere) {
                continue;
            }
            try {
                return Optional.of(new EncryptedUnit(EncryptedEntities.of(emf),
                        SharedEntityManagerCreator.createSharedEntityManager(emf), emf.getMetamodel()));
            } catch (IllegalStateException privacyJpaInactive) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private final class Planner implements RepositoryProxyPostProcessor {
        @Override
        public void postProcess(ProxyFactory proxy, RepositoryInformation repository) {
            Optional<EncryptedUnit> unit = unitOf(repository.getDomainType());
            if (unit.isEmpty()) {
                return;
            }
            Map<Method, EncryptedQuery> queries = new HashMap<>();
            for (Method method : repository.getRepositoryInterface().getMethods()) {
                if (repository.isQueryMethod(method) && !method.isDefault()
                        && !AnnotatedElementUtils.hasAnnotation(method, Query.class)) {
                    EncryptedQuery.plan(unit.get(), repository.getRepositoryInterface(), repository.getDomainType(), method)
                            .ifPresent(query -> queries.put(method, query));
                }
            }
            if (!queries.isEmpty()) {
                proxy.addAdvice(new Answering(queries));
            }
        }
    }

    /** Answers the planned methods; passes every other call on. */
    private static final class Answering implements MethodInterceptor {
        private final Map<Method, EncryptedQuery> queries;

        Answering(Map<Method, EncryptedQuery> queries) {
            this.queries = Map.copyOf(queries);
        }

        @Override
        public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
            EncryptedQuery query = queries.get(invocation.getMethod());
            return query == null ? invocation.proceed() : query.execute(invocation.getArguments());
        }
    }
}
