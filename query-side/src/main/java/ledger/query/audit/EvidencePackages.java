package ledger.query.audit;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import ledger.evidence.EvidencePackage;
import ledger.kernel.bulletin.BulletinId;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.bulletin.BulletinReader;
import ledger.query.bulletin.BulletinView;
import ledger.store.MongoEventStorageEngine;
import ledger.store.audit.EvidenceAssembler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Evidence packages for any view that can name the events behind what it shows (a bulletin, a
 * cadre's promotion evidence): the events, their inclusion proofs and the signed checkpoint, as a
 * file anyone can check offline with the evidence jar. Events not yet under a checkpoint make it
 * answer 503 (EVIDENCE_NOT_YET_CHECKPOINTED), events the store lost 409 (EVIDENCE_INCOMPLETE),
 * rather than leave them out.
 */
@Component
public class EvidencePackages {

    private final EvidenceAssembler assembler;
    private final AuditIndexProjection index;
    private final MongoEventStorageEngine engine;
    private final MongoTemplate mongo;

    EvidencePackages(EvidenceAssembler assembler, AuditIndexProjection index, MongoEventStorageEngine engine,
                     MongoTemplate mongo) {
        this.assembler = assembler;
        this.index = index;
        this.engine = engine;
        this.mongo = mongo;
    }

    /**
     * A month's bulletin: every event of the bulletin and the events its entries attached as evidence, so
     * the package (and the digest printed on the paper copy) is the same from the API and from the page.
     */
    public EvidencePackage forBulletin(YearMonth month) {
        BulletinId bulletin = BulletinId.of(month);
        // the events the audit index saw stream past, so a commit deleted later is missed, not left out
        List<String> named = new ArrayList<>(index.eventIdsOf(bulletin.value()));
        if (named.isEmpty() && engine.lastSequenceNumberFor(bulletin.value()).isEmpty()) {
            throw new LedgerException(ErrorCode.UNKNOWN_RESOURCE, "No bulletin of " + month + " was ever drafted");
        }
        BulletinView view = mongo.findById(month.toString(), BulletinView.class);
        if (view != null) {
            BulletinReader.evidenceOf(view).stream().filter(id -> !named.contains(id)).forEach(named::add);
        }
        return assembler.forAggregate("督查通报 " + month, bulletin.value(), named);
    }

    public static String bulletinFileName(YearMonth month) {
        return "evidence-" + BulletinId.of(month).value() + ".json";
    }

    public EvidencePackage forEvents(String title, String subject, Collection<String> eventIds) {
        return assembler.forEvents(title, subject, eventIds);
    }

    /**
     * The package of every event of an aggregate: those the store holds and {@code alsoNamed} (ids a
     * view recorded for it); refused with 409 EVIDENCE_INCOMPLETE when the store lost any of them.
     */
    public EvidencePackage forAggregate(String title, String aggregateId, Collection<String> alsoNamed) {
        return assembler.forAggregate(title, aggregateId, alsoNamed);
    }

    /** The package as a JSON file download named {@code fileName}. */
    public static ResponseEntity<String> download(EvidencePackage evidence, String fileName) {
        return attachment(evidence.toJson(), fileName);
    }

    /** JSON to be saved as a file (packages, checkpoint exports): auditors keep these outside the system. */
    static ResponseEntity<String> attachment(String json, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(json);
    }
}
