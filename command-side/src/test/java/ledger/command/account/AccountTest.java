package ledger.command.account;

import static ledger.command.Rules.refusedWith;
import static org.hamcrest.Matchers.instanceOf;

import java.time.Instant;
import java.util.EnumSet;

import ledger.kernel.account.AccountDisabledEvent;
import ledger.kernel.account.AccountEnabledEvent;
import ledger.kernel.account.AccountId;
import ledger.kernel.account.AccountOpenedEvent;
import ledger.kernel.account.AccountPasswordChangedEvent;
import ledger.kernel.account.AccountPasswordResetEvent;
import ledger.kernel.account.AccountRoleChangedEvent;
import ledger.kernel.account.ChangeAccountRoleCommand;
import ledger.kernel.account.ChangeOwnPasswordCommand;
import ledger.kernel.account.DisableAccountCommand;
import ledger.kernel.account.EnableAccountCommand;
import ledger.kernel.account.OpenAccountCommand;
import ledger.kernel.account.PersonFacts;
import ledger.kernel.account.ResetAccountPasswordCommand;
import ledger.kernel.organisation.UnitKind;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.InvalidMessageException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final AccountId LI = AccountId.of("li");
    private static final Actor ADMIN = new Actor("admin", Role.ADMIN, null);
    private static final Actor PERSONNEL = new Actor("cadre-wu", Role.PERSONNEL_OFFICE, null);
    private static final Actor SYSTEM = new Actor("system-first-start", Role.SYSTEM, null);
    private static final PersonFacts CLERK_OF_PLANNING = new PersonFacts(true, "planning", UnitKind.DIVISION, false, false);
    private static final PersonFacts LEADER = new PersonFacts(true, "bureau-office", UnitKind.BUREAU_OFFICE, false, true);
    private static final AccountOpenedEvent STAFF_OPENED = new AccountOpenedEvent(LI, "li", "cadre-li", Role.UNIT_STAFF,
            "planning", "李明", "cadre-wu", Role.PERSONNEL_OFFICE, NOW);

    private final AggregateTestFixture<Account> accounts = new AggregateTestFixture<>(Account.class);

    private static OpenAccountCommand open(Actor by, Role role, String unit, PersonFacts facts) {
        return new OpenAccountCommand(LI, "cadre-li", role, unit, "李明", by, facts, NOW);
    }

    @Test
    void the_personnel_office_opens_a_unit_staff_account_for_a_cadre_of_that_unit_and_the_event_says_who() {
        accounts.givenNoPriorActivity()
                .when(open(PERSONNEL, Role.UNIT_STAFF, "planning", CLERK_OF_PLANNING))
                .expectEvents(STAFF_OPENED);
    }

    @Test
    void a_unit_account_for_a_cadre_of_another_unit_is_refused() {
        accounts.givenNoPriorActivity()
                .when(open(PERSONNEL, Role.UNIT_HEAD, "construction", CLERK_OF_PLANNING))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_RECORDED_FOR_ROLE));
    }

    @Test
    void an_account_for_a_person_nobody_recorded_is_refused_whoever_asks() {
        for (Actor by : new Actor[] {ADMIN, PERSONNEL}) {
            accounts.givenNoPriorActivity()
                    .when(open(by, Role.UNIT_STAFF, "planning", PersonFacts.NOT_RECORDED))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.NOT_RECORDED_FOR_ROLE));
        }
        accounts.givenNoPriorActivity()
                .when(open(ADMIN, Role.BUREAU_LEADER, null, PersonFacts.NOT_RECORDED))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_RECORDED_FOR_ROLE));
    }

    @Test
    void a_bureau_leader_account_needs_a_recorded_leader_appointment() {
        accounts.givenNoPriorActivity()
                .when(open(ADMIN, Role.BUREAU_LEADER, null, CLERK_OF_PLANNING))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_RECORDED_FOR_ROLE));
        accounts.givenNoPriorActivity()
                .when(open(ADMIN, Role.BUREAU_LEADER, null, LEADER))
                .expectEvents(new AccountOpenedEvent(LI, "li", "cadre-li", Role.BUREAU_LEADER, null, "李明", "admin",
                        Role.ADMIN, NOW));
    }

    @Test
    void the_personnel_office_may_not_open_a_leader_supervision_oversight_client_or_admin_account() {
        PersonFacts everything = new PersonFacts(true, "x", UnitKind.STATIONED_DISCIPLINE_GROUP, true, true);
        for (Role role : EnumSet.of(Role.BUREAU_LEADER, Role.BUREAU_OFFICE, Role.ORGAN_PARTY_COMMITTEE,
                Role.DISCIPLINE_INSPECTION, Role.PERSONNEL_OFFICE, Role.API_CLIENT, Role.ADMIN)) {
            accounts.givenNoPriorActivity()
                    .when(open(PERSONNEL, role, null, everything))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.GRANT_NOT_PERMITTED));
        }
    }

    @Test
    void discipline_inspection_is_only_for_a_member_of_the_stationed_group() {
        accounts.givenNoPriorActivity()
                .when(open(ADMIN, Role.DISCIPLINE_INSPECTION, null, CLERK_OF_PLANNING))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_RECORDED_FOR_ROLE));
        accounts.givenNoPriorActivity()
                .when(open(ADMIN, Role.DISCIPLINE_INSPECTION, null,
                        new PersonFacts(true, "discipline-group", UnitKind.STATIONED_DISCIPLINE_GROUP, false, false)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountOpenedEvent(LI, "li", "cadre-li", Role.DISCIPLINE_INSPECTION, null, "李明",
                        "admin", Role.ADMIN, NOW));
    }

    @Test
    void the_supervision_roles_and_the_personnel_office_need_a_posting_in_that_unit() {
        PersonFacts office = new PersonFacts(true, "bureau-office", UnitKind.BUREAU_OFFICE, false, false);
        PersonFacts committee = new PersonFacts(true, "organ-party-committee", UnitKind.ORGAN_PARTY_COMMITTEE, false, false);
        PersonFacts personnel = new PersonFacts(true, "personnel-office", UnitKind.DIVISION, true, false);
        accounts.givenNoPriorActivity().when(open(ADMIN, Role.BUREAU_OFFICE, null, office)).expectSuccessfulHandlerExecution();
        accounts.givenNoPriorActivity().when(open(ADMIN, Role.BUREAU_OFFICE, null, committee))
                .expectException(refusedWith(ErrorCode.NOT_RECORDED_FOR_ROLE));
        accounts.givenNoPriorActivity().when(open(ADMIN, Role.ORGAN_PARTY_COMMITTEE, null, committee))
                .expectSuccessfulHandlerExecution();
        accounts.givenNoPriorActivity().when(open(ADMIN, Role.ORGAN_PARTY_COMMITTEE, null, office))
                .expectException(refusedWith(ErrorCode.NOT_RECORDED_FOR_ROLE));
        accounts.givenNoPriorActivity().when(open(ADMIN, Role.PERSONNEL_OFFICE, null, personnel))
                .expectSuccessfulHandlerExecution();
        accounts.givenNoPriorActivity().when(open(ADMIN, Role.PERSONNEL_OFFICE, null, CLERK_OF_PLANNING))
                .expectException(refusedWith(ErrorCode.NOT_RECORDED_FOR_ROLE));
    }

    @Test
    void an_administrator_opens_client_and_administrator_accounts_without_a_person_record() {
        accounts.givenNoPriorActivity().when(open(ADMIN, Role.API_CLIENT, null, PersonFacts.NOT_RECORDED))
                .expectSuccessfulHandlerExecution();
        accounts.givenNoPriorActivity().when(open(ADMIN, Role.ADMIN, null, PersonFacts.NOT_RECORDED))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void nobody_opens_an_account_for_themself() {
        accounts.givenNoPriorActivity()
                .when(new OpenAccountCommand(LI, "cadre-wu", Role.UNIT_STAFF, "personnel-office", "吴", PERSONNEL,
                        new PersonFacts(true, "personnel-office", UnitKind.DIVISION, true, false), NOW))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.OWN_ACCOUNT));
    }

    @Test
    void the_system_opens_the_first_start_accounts_before_any_organisation_is_recorded() {
        accounts.givenNoPriorActivity()
                .when(open(SYSTEM, Role.DISCIPLINE_INSPECTION, null, PersonFacts.NOT_RECORDED))
                .expectEvents(new AccountOpenedEvent(LI, "li", "cadre-li", Role.DISCIPLINE_INSPECTION, null, "李明",
                        "system-first-start", Role.SYSTEM, NOW));
    }

    @Test
    void a_unit_role_names_its_unit_other_roles_none_and_nobody_is_the_system() {
        accounts.givenNoPriorActivity().when(open(ADMIN, Role.UNIT_STAFF, null, CLERK_OF_PLANNING))
                .expectException(instanceOf(InvalidMessageException.class));
        accounts.givenNoPriorActivity().when(open(ADMIN, Role.BUREAU_LEADER, "planning", LEADER))
                .expectException(instanceOf(InvalidMessageException.class));
        accounts.givenNoPriorActivity().when(open(SYSTEM, Role.SYSTEM, null, PersonFacts.NOT_RECORDED))
                .expectException(instanceOf(InvalidMessageException.class));
    }

    @Test
    void the_owner_changes_their_own_password_and_nobody_else_can_as_them() {
        Actor li = new Actor("cadre-li", Role.UNIT_STAFF, "planning");
        accounts.given(STAFF_OPENED)
                .when(new ChangeOwnPasswordCommand(LI, li, null, NOW))
                .expectEvents(new AccountPasswordChangedEvent(LI, "li", "cadre-li", "cadre-li", null, NOW));
        accounts.given(STAFF_OPENED)
                .when(new ChangeOwnPasswordCommand(LI, new Actor("cadre-zhao", Role.UNIT_STAFF, "planning"), null, NOW))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_PERMITTED));
    }

    @Test
    void only_an_administrator_resets_a_password_and_never_their_own() {
        accounts.given(STAFF_OPENED)
                .when(new ResetAccountPasswordCommand(LI, ADMIN, "忘记密码", NOW))
                .expectEvents(new AccountPasswordResetEvent(LI, "li", "cadre-li", "admin", "忘记密码", NOW));
        accounts.given(STAFF_OPENED)
                .when(new ResetAccountPasswordCommand(LI, PERSONNEL, null, NOW))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_PERMITTED));
        accounts.given(new AccountOpenedEvent(LI, "li", "admin", Role.ADMIN, null, "管理员", "system-first-start",
                        Role.SYSTEM, NOW))
                .when(new ResetAccountPasswordCommand(LI, ADMIN, null, NOW))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.OWN_ACCOUNT));
    }

    @Test
    void an_administrator_disables_and_re_enables_an_account() {
        AccountDisabledEvent disabled = new AccountDisabledEvent(LI, "li", "cadre-li", "admin", "离职", NOW);
        accounts.given(STAFF_OPENED)
                .when(new DisableAccountCommand(LI, ADMIN, "离职", NOW))
                .expectEvents(disabled);
        accounts.given(STAFF_OPENED, disabled)
                .when(new EnableAccountCommand(LI, ADMIN, null, NOW))
                .expectEvents(new AccountEnabledEvent(LI, "li", "cadre-li", "admin", null, NOW));
    }

    @Test
    void disabling_twice_enabling_an_enabled_account_and_a_disabled_owner_changing_the_password_are_refused() {
        AccountDisabledEvent disabled = new AccountDisabledEvent(LI, "li", "cadre-li", "admin", null, NOW);
        accounts.given(STAFF_OPENED, disabled).when(new DisableAccountCommand(LI, ADMIN, null, NOW))
                .expectException(refusedWith(ErrorCode.ACCOUNT_DISABLED));
        accounts.given(STAFF_OPENED).when(new EnableAccountCommand(LI, ADMIN, null, NOW))
                .expectException(refusedWith(ErrorCode.ACCOUNT_NOT_DISABLED));
        accounts.given(STAFF_OPENED, disabled)
                .when(new ChangeOwnPasswordCommand(LI, new Actor("cadre-li", Role.UNIT_STAFF, "planning"), null, NOW))
                .expectException(refusedWith(ErrorCode.ACCOUNT_DISABLED));
    }

    @Test
    void only_an_administrator_disables_and_never_their_own_account() {
        accounts.given(STAFF_OPENED).when(new DisableAccountCommand(LI, PERSONNEL, null, NOW))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_PERMITTED));
        accounts.given(new AccountOpenedEvent(LI, "li", "admin", Role.ADMIN, null, "管理员", "system-first-start",
                        Role.SYSTEM, NOW))
                .when(new DisableAccountCommand(LI, ADMIN, null, NOW))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.OWN_ACCOUNT));
    }

    @Test
    void a_role_change_rests_on_the_same_facts_and_grants_as_opening() {
        PersonFacts head = new PersonFacts(true, "planning", UnitKind.DIVISION, false, false);
        accounts.given(STAFF_OPENED)
                .when(new ChangeAccountRoleCommand(LI, Role.UNIT_HEAD, "planning", PERSONNEL, head, NOW))
                .expectEvents(new AccountRoleChangedEvent(LI, "li", "cadre-li", Role.UNIT_STAFF, Role.UNIT_HEAD,
                        "planning", "cadre-wu", NOW));
        accounts.given(STAFF_OPENED)
                .when(new ChangeAccountRoleCommand(LI, Role.BUREAU_LEADER, null, PERSONNEL, LEADER, NOW))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.GRANT_NOT_PERMITTED));
        accounts.given(STAFF_OPENED)
                .when(new ChangeAccountRoleCommand(LI, Role.UNIT_STAFF, "planning", ADMIN, head, NOW))
                .expectException(refusedWith(ErrorCode.SAME_ROLE));
    }

    @Test
    void the_personnel_office_cannot_take_a_supervision_role_away_nor_change_its_own_account() {
        AccountOpenedEvent office = new AccountOpenedEvent(LI, "li", "cadre-li", Role.BUREAU_OFFICE, null, "李明",
                "admin", Role.ADMIN, NOW);
        accounts.given(office)
                .when(new ChangeAccountRoleCommand(LI, Role.UNIT_STAFF, "planning", PERSONNEL, CLERK_OF_PLANNING, NOW))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.GRANT_NOT_PERMITTED));
        accounts.given(new AccountOpenedEvent(LI, "li", "cadre-wu", Role.UNIT_STAFF, "personnel-office", "吴", "admin",
                        Role.ADMIN, NOW))
                .when(new ChangeAccountRoleCommand(LI, Role.UNIT_HEAD, "personnel-office", PERSONNEL,
                        new PersonFacts(true, "personnel-office", UnitKind.DIVISION, true, false), NOW))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.OWN_ACCOUNT));
    }
}
