package ledger.query.bulletin;

import java.util.List;

/**
 * An entry of a published bulletin as the records of the cadres and units it names show it: a
 * highlight (工作亮点), problem (存在问题) or progress note, its text as published and, beside it,
 * the errata published since. {@code eventId} is the entry's event; {@code eventIds} the entry's,
 * the publication's and each erratum's.
 */
public record BulletinMention(String month, String entryId, String kind, String text,
                              List<BulletinView.Erratum> errata, String eventId, List<String> eventIds) {

    /** A mention stored before errata were kept beside it reads with none. */
    public BulletinMention {
        errata = errata == null ? List.of() : errata;
        eventIds = eventIds == null ? List.of(eventId) : eventIds;
    }

    /** The entry as published, with its errata beside it. */
    public static BulletinMention of(String month, String entryId, String kind, String text,
                                     List<BulletinView.Erratum> errata, String entryEventId, String publishedEventId) {
        List<String> ids = new java.util.ArrayList<>(List.of(entryEventId, publishedEventId));
        errata.forEach(e -> ids.add(e.eventId()));
        return new BulletinMention(month, entryId, kind, text, errata, entryEventId, List.copyOf(ids));
    }
}
