package io.weatherstation.workers.adapter.out.memory;

import io.weatherstation.workers.adapter.out.WorkerDirectoryContract;
import io.weatherstation.workers.application.port.out.WorkerDirectory;

/** The embedded mode's worker registry against the contract the Redis one also meets. */
class InMemoryWorkerDirectoryContractTest extends WorkerDirectoryContract {

    private final WorkerDirectory directory = new InMemoryWorkerDirectoryAdapter(clock);

    @Override
    protected WorkerDirectory directory() {
        return directory;
    }
}
