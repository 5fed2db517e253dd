package org.crac;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test double of CRaC's {@code org.crac.Core}: one global context that notifies its resources in order. */
public final class Core {
    private static final Context<Resource> GLOBAL = new Context<>() {
        private final List<Resource> resources = new CopyOnWriteArrayList<>();

        @Override
        public void register(Resource resource) {
            resources.add(resource);
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
            for (Resource r : resources) {
                r.beforeCheckpoint(this);
            }
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) throws Exception {
            for (Resource r : resources) {
                r.afterRestore(this);
            }
        }
    };

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /** What a checkpoint followed by a restore does to registered resources (the real one also stops the JVM). */
    public static void checkpointRestore() throws Exception {
        GLOBAL.beforeCheckpoint(null);
        GLOBAL.afterRestore(null);
    }
}
