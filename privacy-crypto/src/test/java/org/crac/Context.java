package org.crac;

/** A test double of CRaC's {@code org.crac.Context}: resources register with it. */
public abstract class Context<R extends Resource> implements Resource {
    protected Context() {
    }

    public abstract void register(R resource);
}
