package ledger.command.infrastructure;

import java.util.HashMap;
import java.util.Map;

import ledger.kernel.shared.MetadataKeys;
import org.axonframework.messaging.MetaData;

/** Who is acting, in which role and unit: stamped on every command and so on every event. */
public record Actor(String id, String role, String unitId) {

    public MetaData asMetaData(String reason) {
        Map<String, String> data = new HashMap<>();
        data.put(MetadataKeys.ACTOR_ID, id);
        data.put(MetadataKeys.ACTOR_ROLE, role);
        if (unitId != null) {
            data.put(MetadataKeys.ACTOR_UNIT, unitId);
        }
        if (reason != null && !reason.isBlank()) {
            data.put(MetadataKeys.REASON, reason);
        }
        return MetaData.from(data);
    }
}
