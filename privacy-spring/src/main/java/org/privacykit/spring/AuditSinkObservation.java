package org.privacykit.spring;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.AuditSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Observes every {@link AuditSink} bean, the starter's or the application's, before anything is
 * injected with it: after the sink records an event, {@link AuditEventObserver} counts it and adds
 * it to Actuator's audit events, whoever recorded it (reveals, erasures, key changes). The bean
 * keeps the type it is injected by: a class that can be extended gets a subclass proxy; a final
 * class only when its bean is declared as an {@code AuditSink} (else it is left as it is, with a
 * warning naming the bean).
 */
final class AuditSinkObservation implements BeanPostProcessor, BeanFactoryAware {
    private static final Logger LOG = LoggerFactory.getLogger(AuditSinkObservation.class);

    private final AuditEventObserver observer;
    private @Nullable ConfigurableListableBeanFactory beans;

    AuditSinkObservation(AuditEventObserver observer) {
        this.observer = observer;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        if (beanFactory instanceof ConfigurableListableBeanFactory configurable) {
            this.beans = configurable;
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof AuditSink)) {
            return bean;
        }
        boolean subclass = !Modifier.isFinal(bean.getClass().getModifiers());
        if (!subclass && !declaredAsAuditSink(beanName)) {
            LOG.warn("audit sink bean '{}' is a final {} declared by its class: its events are not counted nor added "
                    + "to Actuator's audit events. Declare the bean as an AuditSink.", beanName, bean.getClass().getName());
            return bean;
        }
        ProxyFactory factory = new ProxyFactory(bean);
        factory.addInterface(AuditSink.class);
        factory.setProxyTargetClass(subclass);
        factory.addAdvice((MethodInterceptor) invocation -> {
            Object result = invocation.proceed();
            if (invocation.getMethod().getName().equals("record") && invocation.getArguments().length == 1
                    && invocation.getArguments()[0] instanceof AuditEvent event) {
                observer.observe(event);
            }
            return result;
        });
        return factory.getProxy(bean.getClass().getClassLoader());
    }

    /** Whether the bean is declared as the interface itself (a factory method's return type, or a registered class). */
    private boolean declaredAsAuditSink(String beanName) {
        ConfigurableListableBeanFactory factory = beans;
        if (factory == null || !factory.containsBeanDefinition(beanName)) {
            return false;
        }
        if (factory.getMergedBeanDefinition(beanName) instanceof RootBeanDefinition root) {
            Method method = root.getResolvedFactoryMethod();
            Class<?> declared = method != null ? method.getReturnType() : root.hasBeanClass() ? root.getBeanClass() : null;
            return declared == AuditSink.class;
        }
        return false;
    }
}
