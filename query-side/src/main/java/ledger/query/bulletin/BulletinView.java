package ledger.query.bulletin;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A monthly bulletin as readers see it: every entry with its errata beside it, and the sign-offs. */
@Document("bulletins")
public record BulletinView(
        @Id String month,
        String status,
        List<Entry> entries,
        List<SignOff> signOffs,
        Instant publishedAt,
        long version) {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    /** The entries of one kind (an {@code EntryKind}'s name), in the order they were added. */
    public List<Entry> entriesOf(String kind) {
        return entries.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    /** The sign-off of one member of the supervision group (a role's name), or null while it has not signed. */
    public SignOff signOff(String member) {
        return signOffs.stream().filter(s -> s.member().equals(member)).findFirst().orElse(null);
    }

    public record Entry(String entryId, String kind, String kindLabel, String text, List<String> unitIds,
                        List<String> cadreIds, List<String> taskIds, List<String> evidenceEventIds,
                        List<Erratum> errata, String eventId) {
    }

    /** A correction published after the bulletin, shown beside the entry it corrects. */
    public record Erratum(String correction, String reason, Instant publishedAt, String eventId) {
    }

    public record SignOff(String member, String memberLabel, String signedBy, Instant signedAt, String eventId) {
    }
}
