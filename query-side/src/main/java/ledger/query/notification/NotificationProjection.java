package ledger.query.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import ledger.kernel.account.AccountDisabledEvent;
import ledger.kernel.account.AccountEnabledEvent;
import ledger.kernel.account.AccountOpenedEvent;
import ledger.kernel.account.AccountRoleChangedEvent;
import ledger.kernel.organisation.CadreEmailRecordedEvent;
import ledger.kernel.organisation.UnitHeadAppointedEvent;
import ledger.kernel.organisation.UnitHeadshipEndedEvent;
import ledger.kernel.security.Role;
import ledger.kernel.task.CompletionClaimedEvent;
import ledger.kernel.task.DeadlineChangeRequestedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.LeadershipDecisionAppliedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskFellAtRiskEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskReceivedLateEvent;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Who is told what, from the events: a task turning yellow or red tells its lead leader and the
 * head of its lead unit; a deadline-change request tells the lead leader (who alone decides it);
 * a completion claim tells the supervision group members who verify (accounts in a
 * {@link Role#COMPLETION_VERIFIERS} role); an urging notice tells the lead unit's head and staff
 * accounts, and so does its going unanswered (with the lead leader); a late receipt tells the late
 * unit's head and staff accounts. The organisation facts this needs (a task's lead, who
 * heads a unit, who holds which role, each cadre's address) are kept beside the notifications, as
 * they stood when each event happened. One segment keeps all of them in order.
 *
 * <p>Each new notification is handed to the {@link MailOutbox} when mail is on, the recipient
 * has an address, and the event is news: not a replay, and not older than the mail age limit
 * (history a new view meets for the first time). Read marks and the outbox are not reset by a
 * rebuild: they record what people did and what was sent.
 */
@Component
@ProcessingGroup(NotificationProjection.GROUP)
class NotificationProjection {

    static final String GROUP = "notifications";

    @Document("notification_tasks")
    record TaskFacts(@Id String taskId, String title, String leadLeaderId, String leadUnitId) {
    }

    @Document("notification_unit_heads")
    record UnitHead(@Id String unitId, String cadreId) {
    }

    @Document("notification_accounts")
    record AccountFacts(@Id String accountId, String personId, Role role, String unitId, boolean enabled) {
    }

    @Document("notification_addresses")
    record Address(@Id String cadreId, String email) {
    }

    private final MongoTemplate mongo;
    private final MailOutbox outbox;

    NotificationProjection(MongoTemplate mongo, MailOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @ResetHandler
    void reset() {
        for (Class<?> view : List.of(NotificationView.class, TaskFacts.class, UnitHead.class, AccountFacts.class,
                Address.class)) {
            mongo.remove(new Query(), view);
        }
    }

    @EventHandler
    void on(TaskAssignedEvent event) {
        mongo.save(new TaskFacts(event.taskId().value(), event.title(), event.leadLeaderId().value(),
                event.leadUnitId().value()));
    }

    @EventHandler
    void on(LeadershipDecisionAppliedEvent event) {
        TaskFacts task = task(event.taskId());
        if (task != null) {
            mongo.save(new TaskFacts(task.taskId(), task.title(), event.leadLeaderId().value(),
                    event.leadUnitId().value()));
        }
    }

    @EventHandler
    void on(UnitHeadAppointedEvent event) {
        mongo.save(new UnitHead(event.unitId().value(), event.cadreId().value()));
    }

    @EventHandler
    void on(UnitHeadshipEndedEvent event) {
        mongo.remove(Query.query(Criteria.where("_id").is(event.unitId().value())
                .and("cadreId").is(event.cadreId().value())), UnitHead.class);
    }

    @EventHandler
    void on(AccountOpenedEvent event) {
        mongo.save(new AccountFacts(event.accountId().value(), event.personId(), event.role(), event.unitId(), true));
    }

    @EventHandler
    void on(AccountRoleChangedEvent event) {
        account(event.accountId().value(), a -> new AccountFacts(a.accountId(), a.personId(), event.role(),
                event.unitId(), a.enabled()));
    }

    @EventHandler
    void on(AccountDisabledEvent event) {
        account(event.accountId().value(), a -> new AccountFacts(a.accountId(), a.personId(), a.role(), a.unitId(),
                false));
    }

    @EventHandler
    void on(AccountEnabledEvent event) {
        account(event.accountId().value(), a -> new AccountFacts(a.accountId(), a.personId(), a.role(), a.unitId(),
                true));
    }

    @EventHandler
    void on(CadreEmailRecordedEvent event) {
        mongo.save(new Address(event.cadreId().value(), event.email()));
    }

    @EventHandler
    void on(TaskFellAtRiskEvent event, @MessageIdentifier String eventId, ReplayStatus replay) {
        dueDateReached(NotificationCause.TASK_AT_RISK, event.taskId(), event.dueDate(), event.detectedAt(), eventId,
                replay);
    }

    @EventHandler
    void on(DeadlineMissedEvent event, @MessageIdentifier String eventId, ReplayStatus replay) {
        dueDateReached(NotificationCause.DEADLINE_MISSED, event.taskId(), event.dueDate(), event.detectedAt(), eventId,
                replay);
    }

    /** Yellow or red: the lead leader and the lead unit's head are told. */
    private void dueDateReached(NotificationCause cause, TaskId taskId, LocalDate dueDate, Instant detectedAt,
                                String eventId, ReplayStatus replay) {
        TaskFacts task = task(taskId);
        if (task != null) {
            notify(eventId, replay, cause, task, leadPeople(task), detectedAt, task.title(),
                    NotificationTexts.date(dueDate));
        }
    }

    @EventHandler
    void on(DeadlineChangeRequestedEvent event, @MessageIdentifier String eventId, ReplayStatus replay) {
        TaskFacts task = task(event.taskId());
        if (task != null) {
            notify(eventId, replay, NotificationCause.DEADLINE_CHANGE_REQUESTED, task, Set.of(task.leadLeaderId()),
                    event.requestedAt(), task.title(), NotificationTexts.date(event.currentDueDate()),
                    NotificationTexts.date(event.proposedDueDate()), event.reason());
        }
    }

    @EventHandler
    void on(CompletionClaimedEvent event, @MessageIdentifier String eventId, ReplayStatus replay) {
        TaskFacts task = task(event.taskId());
        if (task != null) {
            notify(eventId, replay, NotificationCause.COMPLETION_CLAIMED, task, verifiers(), event.claimedAt(),
                    task.title(), event.summary());
        }
    }

    @EventHandler
    void on(UrgingNoticeIssuedEvent event, @MessageIdentifier String eventId, ReplayStatus replay) {
        TaskFacts task = task(event.taskId());
        if (task != null) {
            notify(eventId, replay, NotificationCause.URGING_NOTICE_ISSUED, task, unitPeople(event.leadUnitId().value()),
                    event.issuedAt(), task.title(), event.reason(), event.expectation(),
                    NotificationTexts.date(event.replyBy()));
        }
    }

    @EventHandler
    void on(UrgingNoticeWentUnansweredEvent event, @MessageIdentifier String eventId, ReplayStatus replay) {
        TaskFacts task = task(event.taskId());
        if (task != null) {
            Set<String> people = unitPeople(event.leadUnitId().value());
            people.add(event.leadLeaderId().value());
            notify(eventId, replay, NotificationCause.URGING_NOTICE_UNANSWERED, task, people, event.detectedAt(),
                    task.title(), NotificationTexts.date(event.replyBy()));
        }
    }

    @EventHandler
    void on(TaskReceivedLateEvent event, @MessageIdentifier String eventId, ReplayStatus replay) {
        TaskFacts task = task(event.taskId());
        if (task != null) {
            notify(eventId, replay, NotificationCause.TASK_RECEIVED_LATE, task, unitPeople(event.unitId().value()),
                    event.detectedAt(), task.title(), NotificationTexts.date(event.receiptDueBy()));
        }
    }

    /** The unit's head and the enabled accounts of its staff and head (each person once). */
    private Set<String> unitPeople(String unitId) {
        Set<String> people = new LinkedHashSet<>();
        UnitHead head = mongo.findById(unitId, UnitHead.class);
        if (head != null) {
            people.add(head.cadreId());
        }
        mongo.find(Query.query(Criteria.where("role").in(Role.UNIT_ROLES).and("unitId").is(unitId).and("enabled").is(true)),
                AccountFacts.class).forEach(account -> people.add(account.personId()));
        return people;
    }

    /** The lead leader and the head of the lead unit (one notification if they are the same person). */
    private Set<String> leadPeople(TaskFacts task) {
        Set<String> people = new LinkedHashSet<>();
        people.add(task.leadLeaderId());
        UnitHead head = mongo.findById(task.leadUnitId(), UnitHead.class);
        if (head != null) {
            people.add(head.cadreId());
        }
        return people;
    }

    private Set<String> verifiers() {
        Set<String> people = new LinkedHashSet<>();
        mongo.find(Query.query(Criteria.where("role").in(Role.COMPLETION_VERIFIERS).and("enabled").is(true)),
                AccountFacts.class).forEach(account -> people.add(account.personId()));
        return people;
    }

    private void notify(String eventId, ReplayStatus replay, NotificationCause cause, TaskFacts task,
                        Set<String> recipients, Instant occurredAt, String... args) {
        for (String recipient : recipients) {
            NotificationView notification = new NotificationView(NotificationView.id(eventId, recipient), recipient,
                    cause, NotificationView.LinkKind.TASK, task.taskId(),
                    Arrays.stream(args).map(arg -> arg == null ? "" : arg).toList(), occurredAt, eventId);
            mongo.save(notification);
            if (replay == ReplayStatus.REGULAR) {
                Address address = mongo.findById(recipient, Address.class);
                if (address != null) {
                    outbox.enqueue(notification, address.email());
                }
            }
        }
    }

    private TaskFacts task(TaskId taskId) {
        return mongo.findById(taskId.value(), TaskFacts.class);
    }

    private void account(String accountId, UnaryOperator<AccountFacts> change) {
        AccountFacts account = mongo.findById(accountId, AccountFacts.class);
        if (account != null) {
            mongo.save(change.apply(account));
        }
    }
}
