package ledger.command.bulletin;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import ledger.kernel.bulletin.AddBulletinEntryCommand;
import ledger.kernel.bulletin.BulletinDraftedEvent;
import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.bulletin.BulletinId;
import ledger.kernel.bulletin.BulletinPublishedEvent;
import ledger.kernel.bulletin.BulletinSignedEvent;
import ledger.kernel.bulletin.DraftBulletinCommand;
import ledger.kernel.bulletin.ErratumPublishedEvent;
import ledger.kernel.bulletin.PublishBulletinCommand;
import ledger.kernel.bulletin.PublishErratumCommand;
import ledger.kernel.bulletin.SignBulletinCommand;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The monthly supervision bulletin (督查通报): drafted and filled by the bureau office and the
 * organ party committee, signed off by all three members of the supervision group, then
 * published and immutable; a mistake is fixed by an erratum beside the entry.
 */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver")
class Bulletin {

    private static final Set<Role> DRAFTERS = EnumSet.of(Role.BUREAU_OFFICE, Role.ORGAN_PARTY_COMMITTEE);

    @AggregateIdentifier
    private BulletinId bulletinId;
    private YearMonth month;
    private Set<String> entryIds = new HashSet<>();
    private Set<Role> signedBy = EnumSet.noneOf(Role.class);
    private boolean published;

    protected Bulletin() {
    }

    @CommandHandler
    Bulletin(DraftBulletinCommand command) {
        requireDrafter(command.drafter());
        apply(new BulletinDraftedEvent(command.bulletinId(), command.month(), command.draftedAt()));
    }

    @CommandHandler
    void handle(AddBulletinEntryCommand command) {
        requireDrafter(command.author());
        requireDraft();
        if (!signedBy.isEmpty()) {
            throw new LedgerException(ErrorCode.BULLETIN_BEING_SIGNED, "Signed so far by " + signedBy);
        }
        if (entryIds.contains(command.entry().entryId())) {
            throw new LedgerException(ErrorCode.DUPLICATE_ENTRY, "Entry " + command.entry().entryId() + " exists");
        }
        apply(new BulletinEntryAddedEvent(bulletinId, command.entry(), command.addedAt()));
    }

    @CommandHandler
    void handle(SignBulletinCommand command) {
        Role member = command.signer().role();
        if (!Role.SUPERVISION_GROUP.contains(member)) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "The three members of the supervision group sign off");
        }
        requireDraft();
        if (signedBy.contains(member)) {
            throw new LedgerException(ErrorCode.ALREADY_SIGNED, member.label() + " has signed " + bulletinId);
        }
        apply(new BulletinSignedEvent(bulletinId, member, command.signer().personId(), command.signedAt()));
    }

    @CommandHandler
    void handle(PublishBulletinCommand command) {
        if (command.publisher().role() != Role.BUREAU_OFFICE) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "The bureau office publishes the bulletin");
        }
        requireDraft();
        if (!signedBy.containsAll(Role.SUPERVISION_GROUP)) {
            throw new LedgerException(ErrorCode.SIGN_OFFS_MISSING, "Signed so far by " + signedBy);
        }
        apply(new BulletinPublishedEvent(bulletinId, month, entryIds.size(), command.publishedAt()));
    }

    @CommandHandler
    void handle(PublishErratumCommand command) {
        requireDrafter(command.author());
        if (!published) {
            throw new LedgerException(ErrorCode.BULLETIN_NOT_PUBLISHED, bulletinId + " is still a draft; change the draft");
        }
        if (!entryIds.contains(command.entryId())) {
            throw new LedgerException(ErrorCode.UNKNOWN_ENTRY, bulletinId + " has no entry " + command.entryId());
        }
        apply(new ErratumPublishedEvent(bulletinId, command.entryId(), command.correction(), command.reason(),
                command.publishedAt()));
    }

    private void requireDraft() {
        if (published) {
            throw new LedgerException(ErrorCode.BULLETIN_PUBLISHED, bulletinId + " is published");
        }
    }

    private static void requireDrafter(Actor actor) {
        if (!DRAFTERS.contains(actor.role())) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "The bureau office and the organ party committee draft bulletins");
        }
    }

    @EventSourcingHandler
    void on(BulletinDraftedEvent event) {
        bulletinId = event.bulletinId();
        month = event.month();
    }

    @EventSourcingHandler
    void on(BulletinEntryAddedEvent event) {
        entryIds.add(event.entry().entryId());
    }

    @EventSourcingHandler
    void on(BulletinSignedEvent event) {
        signedBy.add(event.member());
    }

    @EventSourcingHandler
    void on(BulletinPublishedEvent event) {
        published = true;
    }
}
