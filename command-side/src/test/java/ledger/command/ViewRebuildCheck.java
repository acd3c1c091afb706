package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.http.ResponseEntity;

/**
 * Rebuilds every view processor of a running query side through its admin API and checks that
 * the rebuilt views (every collection the query side maps) equal the live-built ones, document
 * for document.
 */
final class ViewRebuildCheck {

    private ViewRebuildCheck() {
    }

    static void assertRebuiltViewsEqualLive(ConfigurableApplicationContext querySide, TestRestTemplate admin) {
        List<Map<String, Object>> processors = awaitCaughtUp(admin);
        Map<String, List<Document>> live = snapshot(querySide);
        assertThat(live.values().stream().mapToInt(List::size).sum()).as("views to compare").isGreaterThan(10);

        for (Map<String, Object> processor : processors) {
            ResponseEntity<Map> rebuild = admin.postForEntity("/api/admin/processors/" + processor.get("name")
                    + "/rebuild", null, Map.class);
            assertThat(rebuild.getStatusCode().value()).as(String.valueOf(rebuild.getBody())).isEqualTo(202);
        }
        awaitCaughtUp(admin);

        Map<String, List<Document>> rebuilt = snapshot(querySide);
        assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
        live.forEach((collection, documents) ->
                assertThat(rebuilt.get(collection)).as(collection).containsExactlyElementsOf(documents));
    }

    /** The processors, once each has handled the whole log. */
    private static List<Map<String, Object>> awaitCaughtUp(TestRestTemplate admin) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> (List<Map<String, Object>>) admin.getForObject("/api/admin/processors", List.class),
                        list -> !list.isEmpty() && list.stream().allMatch(p -> Boolean.TRUE.equals(p.get("caughtUp"))));
    }

    /** Every collection the query side maps, its documents in key order. */
    private static Map<String, List<Document>> snapshot(ConfigurableApplicationContext querySide) {
        MongoTemplate mongo = querySide.getBean(MongoTemplate.class);
        Map<String, List<Document>> all = new TreeMap<>();
        for (MongoPersistentEntity<?> entity : querySide.getBean(MongoMappingContext.class).getPersistentEntities()) {
            if (entity.isAnnotationPresent(org.springframework.data.mongodb.core.mapping.Document.class)) {
                List<Document> documents = mongo.getCollection(entity.getCollection()).find()
                        .sort(new Document("_id", 1)).into(new java.util.ArrayList<>());
                // a month's bulletin candidates are a set ($addToSet): their order is the order in which the
                // view's segments happened to add them, which a rebuild need not repeat
                documents.forEach(d -> {
                    if (d.get("candidateIds") instanceof List<?> ids) {
                        d.put("candidateIds", ids.stream().map(String::valueOf).sorted().toList());
                    }
                });
                all.put(entity.getCollection(), documents);
            }
        }
        return all;
    }
}
