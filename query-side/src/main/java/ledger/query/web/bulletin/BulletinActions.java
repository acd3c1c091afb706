package ledger.query.web.bulletin;

import java.util.EnumSet;
import java.util.Set;

import ledger.kernel.security.Role;
import ledger.query.bulletin.BulletinView;

/**
 * Which bulletin forms the page offers the signed-in person. A courtesy that hides what would surely be
 * refused; the Bulletin aggregate decides every request and its refusal is shown beside the form.
 */
public record BulletinActions(boolean addEntry, boolean sign, boolean publish, boolean erratum) {

    /** The bureau office and the organ party committee draft and fill bulletins (the aggregate's rule). */
    static final Set<Role> DRAFTERS = EnumSet.of(Role.BUREAU_OFFICE, Role.ORGAN_PARTY_COMMITTEE);

    static boolean drafts(Role role) {
        return DRAFTERS.contains(role);
    }

    static BulletinActions of(Role role, BulletinView view) {
        boolean draft = BulletinView.DRAFT.equals(view.status());
        boolean signed = view.signOffs().stream().anyMatch(s -> s.member().equals(role.name()));
        boolean allSigned = Role.SUPERVISION_GROUP.stream()
                .allMatch(member -> view.signOffs().stream().anyMatch(s -> s.member().equals(member.name())));
        return new BulletinActions(
                draft && drafts(role) && view.signOffs().isEmpty(),
                draft && Role.SUPERVISION_GROUP.contains(role) && !signed,
                draft && role == Role.BUREAU_OFFICE && allSigned,
                !draft && drafts(role));
    }

    public boolean any() {
        return addEntry || sign || publish;
    }
}
