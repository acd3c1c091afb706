package ledger.query.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import ledger.kernel.bulletin.BulletinDraftedEvent;
import ledger.kernel.bulletin.BulletinEntry;
import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.bulletin.BulletinId;
import ledger.kernel.bulletin.BulletinPublishedEvent;
import ledger.kernel.bulletin.BulletinSignedEvent;
import ledger.kernel.bulletin.EntryKind;
import ledger.kernel.bulletin.ErratumPublishedEvent;
import ledger.kernel.security.Role;
import ledger.query.SignedInViewTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;

class BulletinQueryIntegrationTest extends SignedInViewTest {

    private static final Instant NOW = Instant.parse("2026-04-02T02:00:00Z");



    @Test
    void readers_see_the_published_bulletin_with_each_erratum_beside_its_entry_and_drafts_stay_with_the_group() {
        BulletinId march = BulletinId.of(YearMonth.parse("2026-03"));
        BulletinId april = BulletinId.of(YearMonth.parse("2026-04"));
        publish(march, 0, new BulletinDraftedEvent(march, YearMonth.parse("2026-03"), NOW));
        publish(march, 1, new BulletinEntryAddedEvent(march, new BulletinEntry("entry-1", EntryKind.PROBLEM,
                "燃气整治滞后10天", List.of("unit-b"), null, null, null), NOW));
        publish(march, 2, new BulletinSignedEvent(march, Role.BUREAU_OFFICE, "cadre-office", NOW));
        publish(march, 3, new BulletinSignedEvent(march, Role.ORGAN_PARTY_COMMITTEE, "cadre-party", NOW));
        publish(march, 4, new BulletinSignedEvent(march, Role.DISCIPLINE_INSPECTION, "cadre-discipline", NOW));
        publish(march, 5, new BulletinPublishedEvent(march, YearMonth.parse("2026-03"), 1, NOW));
        publish(march, 6, new ErratumPublishedEvent(march, "entry-1", "应为滞后7天", "天数计算有误", NOW));
        publish(april, 0, new BulletinDraftedEvent(april, YearMonth.parse("2026-04"), NOW));
        long position = engine.lastReservedPosition();

        TestRestTemplate staff = as(Role.UNIT_STAFF);
        Map<String, Object> bulletin = staff.getForObject("/api/bulletins/2026-03?minPosition=" + position, Map.class);
        assertThat(bulletin).containsEntry("status", "PUBLISHED");
        Map<String, Object> entry = ((List<Map<String, Object>>) bulletin.get("entries")).get(0);
        assertThat(entry).containsEntry("text", "燃气整治滞后10天").containsEntry("kindLabel", "存在问题");
        assertThat((List<Map<String, Object>>) entry.get("errata")).singleElement()
                .satisfies(erratum -> assertThat(erratum).containsEntry("correction", "应为滞后7天")
                        .containsEntry("reason", "天数计算有误"));
        assertThat((List<?>) bulletin.get("signOffs")).hasSize(3);

        assertThat(staff.getForEntity("/api/bulletins/2026-04", Map.class).getStatusCode().value()).isEqualTo(404);
        assertThat((List<Map<String, Object>>) staff.getForObject("/api/bulletins", List.class))
                .extracting(b -> b.get("month")).containsExactly("2026-03");
        TestRestTemplate office = as(Role.BUREAU_OFFICE);
        assertThat(office.getForObject("/api/bulletins/2026-04", Map.class)).containsEntry("status", "DRAFT");
        assertThat((List<Map<String, Object>>) office.getForObject("/api/bulletins", List.class))
                .extracting(b -> b.get("month")).containsExactly("2026-04", "2026-03");
    }

    private void publish(BulletinId bulletin, long sequence, Object event) {
        events.publish(new GenericDomainEventMessage<>("Bulletin", bulletin.value(), sequence, event));
    }
}
