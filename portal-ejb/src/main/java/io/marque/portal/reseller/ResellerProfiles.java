package io.marque.portal.reseller;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.billing.Standings;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.platform.Problems;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Reseller profiles: the provider admin reads and edits any reseller's (company details, discount
 * policy, admin notes); a reseller's admin reads its own standing in the program, which never holds the
 * admin notes. Tiers are not edited here: the daily recompute sets them.
 */
@Stateless
public class ResellerProfiles {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Standings standings;

    @Inject
    AuditRecorder audit;

    /** Any reseller's profile, for the provider admin; another kind of tenant is not found. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ProfileView get(Actor actor, long resellerTenantId) {
        actor.require(Role.PROVIDER_ADMIN);
        Tenant tenant = reseller(resellerTenantId);
        ResellerProfile profile = profile(tenant);
        ProgramSettings program = program();
        return new ProfileView(tenant.getId(), tenant.getName(), tenant.getSlug(), tenant.getStatus(),
                tenant.getContactEmail(), tenant.getAbuseEmail(), profile.getDiscountPercent(),
                program.getDefaultDiscount(), profile.getAdminNotes(), standing(tenant, profile, program));
    }

    /** The caller's own reseller in the program: company details, tier, discount and progress. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ProgramStanding own(Actor actor) {
        actor.require(Role.RESELLER_ADMIN);
        Tenant tenant = reseller(actor.tenantId());
        return standing(tenant, profile(tenant), program());
    }

    /**
     * Stores the provider admin's edit. The change is recorded in the reseller's activity log too (it is
     * about the reseller); a change of the admin notes only in the provider's, without the notes.
     *
     * @throws InvalidInputException naming every wrong field; nothing is stored then
     */
    public void update(Actor actor, long resellerTenantId, ProfileChange change) {
        actor.require(Role.PROVIDER_ADMIN);
        Tenant tenant = reseller(resellerTenantId);
        Problems problems = new Problems();
        String company = problems.check(() -> Fields.text("companyName", change.companyName(), 160));
        String registration = problems.check(() -> Fields.optionalText("registrationNumber", change.registrationNumber(), 64));
        String tax = problems.check(() -> Fields.optionalText("taxId", change.taxId(), 64));
        String address = problems.check(() -> Fields.optionalMultiline("address", change.address(), 500));
        String notes = problems.check(() -> Fields.optionalMultiline("adminNotes", change.adminNotes(), 4000));
        if (change.policy() == null) {
            problems.add("discountPolicy", "error.required");
        }
        BigDecimal percent = null;
        if (change.discountPercent() != null && !change.discountPercent().isBlank()) {
            try {
                percent = Percents.parse("discountPercent", change.discountPercent());
            } catch (InvalidInputException e) {
                problems.add("discountPercent", "program.error.percent");
            }
        }
        problems.throwIfAny();
        ResellerProfile profile = em.find(ResellerProfile.class, tenant.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (profile == null) {
            profile = new ResellerProfile(tenant.getId(), company);
            em.persist(profile);
        }
        boolean notesChanged = !Objects.equals(notes, profile.getAdminNotes());
        boolean detailsChanged = !company.equals(profile.getCompanyName())
                || !Objects.equals(registration, profile.getRegistrationNumber())
                || !Objects.equals(tax, profile.getTaxId()) || !Objects.equals(address, profile.getAddress())
                || change.policy() != profile.getDiscountPolicy()
                || !Objects.equals(percent, profile.getDiscountPercent());
        profile.setCompanyName(company);
        profile.setRegistrationNumber(registration);
        profile.setTaxId(tax);
        profile.setAddress(address);
        profile.setDiscountPolicy(change.policy());
        profile.setDiscountPercent(percent);
        profile.setAdminNotes(notes);
        if (detailsChanged) {
            audit.recordOn(tenant.getId(), actor, "reseller.profile.changed", tenant.getName(), "discount "
                    + change.policy() + (change.policy() == PolicyKind.FIXED
                            ? " " + (percent == null ? "program default" : percent.toPlainString() + " %") : ""));
        }
        if (notesChanged) {
            audit.record(actor, "reseller.notes.changed", tenant.getName(), null);
        }
    }

    private ProgramStanding standing(Tenant tenant, ResellerProfile profile, ProgramSettings program) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return ProgramStandings.of(profile, tenant.getCurrency(), program.getDefaultDiscount(), program.tiers(),
                standings.of(tenant.getId(), today));
    }

    private Tenant reseller(long tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null || tenant.getKind() != TenantKind.RESELLER) {
            throw new NotFoundException("Reseller");
        }
        return tenant;
    }

    /** Its profile; one the migration missed reads as the defaults until it is saved. */
    private ResellerProfile profile(Tenant tenant) {
        ResellerProfile profile = em.find(ResellerProfile.class, tenant.getId());
        return profile != null ? profile : new ResellerProfile(tenant.getId(), tenant.getName());
    }

    private ProgramSettings program() {
        return em.find(ProgramSettings.class, ProgramSettings.ID);
    }
}
