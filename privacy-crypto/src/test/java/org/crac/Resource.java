package org.crac;

/**
 * A test double of CRaC's {@code org.crac.Resource} (the API of the {@code org.crac} library, which
 * AWS Lambda SnapStart and CRaC JDKs run), with its exact signatures: privacy-crypto registers with
 * it by reflection, and the tests trigger checkpoint and restore through {@link Core}.
 */
public interface Resource {
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
