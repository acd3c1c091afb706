package ledger.store;

import java.nio.file.Path;

/** The contract on the embedded server's memory backend, or on CONTRACT_MONGODB_URI when set. */
class EmbeddedMemoryContractTest extends MongoEventStorageEngineContractTest {

    @Override
    TestStore openStore(Path dir) {
        return TestStore.inMemory();
    }
}
