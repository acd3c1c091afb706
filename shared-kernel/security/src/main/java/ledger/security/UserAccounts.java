package ledger.security;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
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
        return Optional.of(account(doc));
    }

    private static UserAccount account(Document doc) {
        return new UserAccount(doc.getString("_id"), doc.getString("passwordHash"),
                doc.getString("personId"), Role.valueOf(doc.getString("role")), doc.getString("unitId"),
                doc.getString("displayName"), doc.getBoolean("enabled", true), doc.getString("createdBy"),
                Instant.parse(doc.getString("createdAt")));
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

    /**
     * Writes what an account event says (person, role, unit, name, whether it may sign in, who opened
     * it), leaving the password hash as it is: the events never carry it.
     */
    public void record(String username, String personId, Role role, String unitId, String displayName,
                       boolean enabled, String createdBy, Instant createdAt) {
        accounts.updateOne(eq("_id", username), Updates.combine(Updates.set("personId", personId),
                Updates.set("role", role.name()), Updates.set("unitId", unitId), Updates.set("displayName", displayName),
                Updates.set("enabled", enabled), Updates.set("createdBy", createdBy),
                Updates.set("createdAt", createdAt.toString())), new UpdateOptions().upsert(true));
    }

    public void changeRole(String username, Role role, String unitId) {
        accounts.updateOne(eq("_id", username), Updates.combine(Updates.set("role", role.name()),
                Updates.set("unitId", unitId)));
    }

    /** Every service reads this on each request, so a disabled account is refused everywhere at once. */
    public void setEnabled(String username, boolean enabled) {
        accounts.updateOne(eq("_id", username), Updates.set("enabled", enabled));
    }

    public void setPasswordHash(String username, String passwordHash) {
        accounts.updateOne(eq("_id", username), Updates.set("passwordHash", passwordHash));
    }

    public List<UserAccount> all() {
        List<UserAccount> all = new ArrayList<>();
        accounts.find().sort(new Document("_id", 1)).forEach(doc -> all.add(account(doc)));
        return all;
    }

    public boolean isEmpty() {
        return accounts.find().limit(1).first() == null;
    }
}
