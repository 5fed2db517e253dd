package org.privacykit.consent;

class InMemoryConsentStoreTest extends ConsentStoreContract {
    private final ConsentStore store = ConsentStore.inMemory();

    @Override
    ConsentStore store() {
        return store;
    }
}
