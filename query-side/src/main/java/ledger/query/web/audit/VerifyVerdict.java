package ledger.query.web.audit;

import java.util.List;

import ledger.store.audit.LogVerifier;

/**
 * The verifier's finding as the workbench says it in Chinese: which kind of break it is (by the verifier's
 * own wording, kept beside it for the record) at which position.
 */
record VerifyVerdict(boolean valid, long checkedEntries, Long checkpointSize, Long brokenPosition, String problemKey,
                     String problem) {

    /** The verifier's wordings, most specific first, and the message key of each. */
    private static final List<String[]> KINDS = List.of(
            new String[] {"is not what was notarized", "audit.problem.changed"},
            new String[] {"has no entry", "audit.problem.missing"},
            new String[] {"holds no event with that position", "audit.problem.moved"},
            new String[] {"carries no valid seal", "audit.problem.unsealed"},
            new String[] {"not a trusted writer's key", "audit.problem.unsealed"},
            new String[] {"does not match what its document holds", "audit.problem.unsealed"},
            new String[] {"do not hash to the root", "audit.problem.root"},
            new String[] {"tree node", "audit.problem.tree"},
            new String[] {"stored tree", "audit.problem.tree"},
            new String[] {"no signed checkpoint covers it", "audit.problem.uncovered"},
            new String[] {"signed checkpoints were deleted", "audit.problem.head"},
            new String[] {"it was replaced", "audit.problem.head"},
            new String[] {"the checkpoint of", "audit.problem.checkpoint"});

    static VerifyVerdict of(LogVerifier.Report report) {
        String key = report.valid() ? null : keyOf(report.problem());
        return new VerifyVerdict(report.valid(), report.checkedEntries(),
                report.lastCheckpoint() == null ? null : report.lastCheckpoint().treeSize(),
                report.firstBrokenPosition(), key, report.problem());
    }

    /** The message key that says in Chinese what kind of break a verifier's (or the notary's) wording names. */
    static String keyOf(String problem) {
        for (String[] kind : KINDS) {
            if (problem != null && problem.contains(kind[0])) {
                return kind[1];
            }
        }
        return problem != null && problem.contains("forgery") ? "audit.problem.unsealed" : "audit.problem.other";
    }
}
