package ledger.command.bulletin;

import static ledger.command.Rules.refusedWith;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.bulletin.AddBulletinEntryCommand;
import ledger.kernel.bulletin.BulletinDraftedEvent;
import ledger.kernel.bulletin.BulletinEntry;
import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.bulletin.BulletinId;
import ledger.kernel.bulletin.BulletinPublishedEvent;
import ledger.kernel.bulletin.BulletinSignedEvent;
import ledger.kernel.bulletin.DraftBulletinCommand;
import ledger.kernel.bulletin.EntryKind;
import ledger.kernel.bulletin.ErratumPublishedEvent;
import ledger.kernel.bulletin.PublishBulletinCommand;
import ledger.kernel.bulletin.PublishErratumCommand;
import ledger.kernel.bulletin.SignBulletinCommand;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BulletinTest {

    private static final YearMonth MARCH = YearMonth.parse("2026-03");
    private static final BulletinId BULLETIN = BulletinId.of(MARCH);
    private static final Instant NOW = Instant.parse("2026-04-02T02:00:00Z");
    private static final Actor OFFICE = new Actor("cadre-office-zhao", Role.BUREAU_OFFICE, null);
    private static final Actor PARTY = new Actor("cadre-party-sun", Role.ORGAN_PARTY_COMMITTEE, null);
    private static final Actor DISCIPLINE = new Actor("cadre-discipline-zhou", Role.DISCIPLINE_INSPECTION, null);
    private static final Actor LEADER = new Actor("cadre-deputy-zhang", Role.BUREAU_LEADER, null);
    private static final BulletinEntry HIGHLIGHT = new BulletinEntry("entry-1", EntryKind.HIGHLIGHT,
            "城市更新处提前完成老旧小区改造开工", List.of("urban-renewal"), List.of("cadre-li"), List.of("task-1"),
            List.of("event-9"));
    private static final BulletinDraftedEvent DRAFTED = new BulletinDraftedEvent(BULLETIN, MARCH, NOW);
    private static final BulletinEntryAddedEvent ADDED = new BulletinEntryAddedEvent(BULLETIN, HIGHLIGHT, NOW);

    private AggregateTestFixture<Bulletin> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Bulletin.class);
    }

    private static BulletinSignedEvent signed(Actor actor) {
        return new BulletinSignedEvent(BULLETIN, actor.role(), actor.personId(), NOW);
    }

    @Test
    void the_supervision_group_drafts_and_fills_the_bulletin() {
        fixture.givenNoPriorActivity()
               .when(new DraftBulletinCommand(BULLETIN, MARCH, OFFICE, NOW))
               .expectEvents(DRAFTED);
        fixture.given(DRAFTED)
               .when(new AddBulletinEntryCommand(BULLETIN, PARTY, HIGHLIGHT, NOW))
               .expectEvents(ADDED);
        fixture.givenNoPriorActivity()
               .when(new DraftBulletinCommand(BULLETIN, MARCH, LEADER, NOW))
               .expectException(refusedWith(ErrorCode.NOT_PERMITTED));
    }

    @Test
    void entries_are_added_before_sign_off_begins_and_once() {
        fixture.given(DRAFTED, ADDED)
               .when(new AddBulletinEntryCommand(BULLETIN, OFFICE, HIGHLIGHT, NOW))
               .expectException(refusedWith(ErrorCode.DUPLICATE_ENTRY));
        fixture.given(DRAFTED, ADDED, signed(OFFICE))
               .when(new AddBulletinEntryCommand(BULLETIN, OFFICE, new BulletinEntry("entry-2", EntryKind.PROGRESS,
                       "补充", null, null, null, null), NOW))
               .expectException(refusedWith(ErrorCode.BULLETIN_BEING_SIGNED));
    }

    @Test
    void each_of_the_three_members_signs_once_and_nobody_else_signs() {
        fixture.given(DRAFTED, ADDED)
               .when(new SignBulletinCommand(BULLETIN, DISCIPLINE, NOW))
               .expectEvents(signed(DISCIPLINE));
        fixture.given(DRAFTED, ADDED, signed(DISCIPLINE))
               .when(new SignBulletinCommand(BULLETIN, new Actor("cadre-discipline-2", Role.DISCIPLINE_INSPECTION, null), NOW))
               .expectException(refusedWith(ErrorCode.ALREADY_SIGNED));
        fixture.given(DRAFTED, ADDED)
               .when(new SignBulletinCommand(BULLETIN, LEADER, NOW))
               .expectException(refusedWith(ErrorCode.NOT_PERMITTED));
    }

    @Test
    void publication_needs_all_three_sign_offs_and_then_the_bulletin_is_immutable() {
        fixture.given(DRAFTED, ADDED, signed(OFFICE), signed(PARTY))
               .when(new PublishBulletinCommand(BULLETIN, OFFICE, NOW))
               .expectException(refusedWith(ErrorCode.SIGN_OFFS_MISSING));
        fixture.given(DRAFTED, ADDED, signed(OFFICE), signed(PARTY), signed(DISCIPLINE))
               .when(new PublishBulletinCommand(BULLETIN, OFFICE, NOW))
               .expectEvents(new BulletinPublishedEvent(BULLETIN, MARCH, 1, NOW));
        fixture.given(DRAFTED, ADDED, signed(OFFICE), signed(PARTY), signed(DISCIPLINE),
                       new BulletinPublishedEvent(BULLETIN, MARCH, 1, NOW))
               .when(new SignBulletinCommand(BULLETIN, OFFICE, NOW))
               .expectException(refusedWith(ErrorCode.BULLETIN_PUBLISHED));
    }

    @Test
    void a_published_entry_is_corrected_by_an_erratum_only() {
        BulletinPublishedEvent published = new BulletinPublishedEvent(BULLETIN, MARCH, 1, NOW);
        fixture.given(DRAFTED, ADDED, signed(OFFICE), signed(PARTY), signed(DISCIPLINE), published)
               .when(new PublishErratumCommand(BULLETIN, OFFICE, "entry-1", "应为“二十个小区”", "数字笔误", NOW))
               .expectEvents(new ErratumPublishedEvent(BULLETIN, "entry-1", "应为“二十个小区”", "数字笔误", NOW));
        fixture.given(DRAFTED, ADDED, signed(OFFICE), signed(PARTY), signed(DISCIPLINE), published)
               .when(new PublishErratumCommand(BULLETIN, OFFICE, "entry-9", "更正", "无此条", NOW))
               .expectException(refusedWith(ErrorCode.UNKNOWN_ENTRY));
        fixture.given(DRAFTED, ADDED)
               .when(new PublishErratumCommand(BULLETIN, OFFICE, "entry-1", "更正", "草稿", NOW))
               .expectException(refusedWith(ErrorCode.BULLETIN_NOT_PUBLISHED));
        fixture.given(DRAFTED, ADDED, signed(OFFICE), signed(PARTY), signed(DISCIPLINE), published)
               .when(new AddBulletinEntryCommand(BULLETIN, OFFICE, new BulletinEntry("entry-3", EntryKind.PROGRESS,
                       "发布后补录", null, null, null, null), NOW))
               .expectException(refusedWith(ErrorCode.BULLETIN_PUBLISHED));
    }
}
