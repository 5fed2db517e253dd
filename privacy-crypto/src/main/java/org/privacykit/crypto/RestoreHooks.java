package org.privacykit.crypto;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers an action to run when the process is restored from a checkpoint, with CRaC when it is
 * there: {@code org.crac} (the API AWS Lambda SnapStart and CRaC JDKs run) or {@code jdk.crac},
 * found by reflection so neither is a dependency. The action also runs before a checkpoint, so
 * nothing buffered then is used after. Registered resources are kept here: CRaC holds them weakly.
 */
final class RestoreHooks {
    private static final String[] APIS = {"org.crac", "jdk.crac"};
    private static final List<Object> REGISTERED = new ArrayList<>();

    private RestoreHooks() {
    }

    /**
     * Registers {@code action} with every CRaC API present.
     *
     * @return how many APIs it was registered with (0 when none is present)
     */
    static synchronized int register(Runnable action) {
        int registered = 0;
        for (String api : APIS) {
            try {
                Class<?> resource = Class.forName(api + ".Resource");
                Class<?> context = Class.forName(api + ".Context");
                Object global = Class.forName(api + ".Core").getMethod("getGlobalContext").invoke(null);
                Object hook = Proxy.newProxyInstance(resource.getClassLoader(), new Class<?>[] {resource}, handler(action));
                context.getMethod("register", resource).invoke(global, hook);
                REGISTERED.add(hook);
                registered++;
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // this API is absent or refuses: the batches' fresh entropy still bounds what a clone repeats
            }
        }
        return registered;
    }

    private static InvocationHandler handler(Runnable action) {
        return (Object proxy, Method method, Object[] args) -> switch (method.getName()) {
            case "beforeCheckpoint", "afterRestore" -> {
                action.run();
                yield null;
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "privacy-kit nonce reseeding on restore";
            default -> null;
        };
    }
}
