package ledger.security;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import org.bson.Document;

/** The embedded user store: one document per account, keyed by user name. */
public class UserAccounts {

    public static final String COLLECTION = "user_accounts";

    private final MongoCollection<Document> accounts;

    public UserAccounts(MongoDatabase database) {
        this.accounts = database.getCollection(COLLECTION);
    }

    public Optional<UserAccount> find(String username) {
        Document doc = accounts.find(eq("_id", username)).first();
        if (doc == null) {
            return Optional.empty();
        }
        return Optional.of(new UserAccount(doc.getString("_id"), doc.getString("passwordHash"),
                doc.getString("personId"), Role.valueOf(doc.getString("role")), doc.getString("unitId"),
                doc.getString("displayName"), doc.getBoolean("enabled", true), doc.getString("createdBy"),
                Instant.parse(doc.getString("createdAt"))));
    }

    /** Adds an account; a taken user name is refused, never overwritten. */
    public void add(UserAccount account) {
        Document doc = new Document("_id", account.username())
                .append("passwordHash", account.passwordHash())
                .append("personId", account.personId())
                .append("role", account.role().name())
                .append("unitId", account.unitId())
                .append("displayName", account.displayName())
                .append("enabled", account.enabled())
                .append("createdBy", account.createdBy())
                .append("createdAt", account.createdAt().toString());
        try {
            accounts.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new LedgerException(ErrorCode.ACCOUNT_EXISTS, "The user name " + account.username() + " is taken");
            }
            throw e;
        }
    }

    public boolean isEmpty() {
        return accounts.find().limit(1).first() == null;
    }
}
