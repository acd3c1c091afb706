package ledger.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All signed checkpoints with the consistency proof from each to the next, for auditors to keep
 * outside the system. A later export must contain every checkpoint an earlier one had, unchanged,
 * and each proof shows the log only grew between two checkpoints.
 */
public record CheckpointExport(Instant exportedAt, String publicKeyPem, List<Checkpoint> checkpoints,
                               List<List<byte[]>> consistencyProofs) {

    public static final String FORMAT = "ledger-checkpoints/1";

    public CheckpointExport {
        checkpoints = List.copyOf(checkpoints);
        consistencyProofs = List.copyOf(consistencyProofs);
        if (consistencyProofs.size() != Math.max(0, checkpoints.size() - 1)) {
            throw new IllegalArgumentException("one consistency proof between each two checkpoints");
        }
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("exportedAt", exportedAt.toString());
        json.put("publicKey", publicKeyPem);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < checkpoints.size(); i++) {
            Map<String, Object> item = checkpoints.get(i).toJson();
            if (i > 0) {
                item.put("consistencyWithPrevious", consistencyProofs.get(i - 1).stream().map(Merkle::hex).toList());
            }
            items.add(item);
        }
        json.put("checkpoints", items);
        return Json.pretty(json);
    }

    public static CheckpointExport parse(String text) {
        Map<?, ?> json = Fields.object(Json.parse(text), "the export");
        if (!FORMAT.equals(json.get("format"))) {
            throw new IllegalArgumentException("not a checkpoint export of format " + FORMAT);
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        List<List<byte[]>> proofs = new ArrayList<>();
        for (Object item : Fields.list(json, "checkpoints")) {
            checkpoints.add(Checkpoint.fromJson(item));
            if (checkpoints.size() > 1) {
                proofs.add(Fields.hashes(Fields.object(item, "a checkpoint"), "consistencyWithPrevious"));
            }
        }
        return new CheckpointExport(Instant.parse(Fields.text(json, "exportedAt")), Fields.text(json, "publicKey"),
                checkpoints, proofs);
    }
}
