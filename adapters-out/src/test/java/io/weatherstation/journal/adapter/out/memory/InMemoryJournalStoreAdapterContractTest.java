package io.weatherstation.journal.adapter.out.memory;

import io.weatherstation.journal.adapter.out.JournalStoreContract;
import io.weatherstation.journal.application.port.out.JournalStore;

/** The in-memory journal of the embedded mode meets the journal contract. */
class InMemoryJournalStoreAdapterContractTest extends JournalStoreContract {

    @Override
    protected JournalStore emptyStore() {
        return new InMemoryJournalStoreAdapter(100);
    }
}
