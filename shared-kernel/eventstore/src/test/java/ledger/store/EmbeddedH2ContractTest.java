package ledger.store;

import java.nio.file.Path;

/** The contract on the embedded server's H2 file backend: the default store of a running system. */
class EmbeddedH2ContractTest extends MongoEventStorageEngineContractTest {

    @Override
    TestStore openStore(Path dir) {
        return TestStore.persistent(dir);
    }
}
