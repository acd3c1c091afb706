package ledger.query.audit;

import java.util.Collection;

import ledger.evidence.EvidencePackage;
import ledger.store.audit.EvidenceAssembler;
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

    EvidencePackages(EvidenceAssembler assembler) {
        this.assembler = assembler;
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
