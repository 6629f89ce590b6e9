package io.marque.portal.reseller;

import io.marque.portal.tenant.TenantCreated;
import io.marque.portal.tenant.TenantKind;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Gives every new reseller its program profile, however it was made (an approved application, the
 * provider admin's form, the demo seed): Bronze, on the program's default fixed discount, the brand
 * name as company name until someone enters the real one. Runs in the transaction that created the
 * tenant, so a reseller never exists without a profile. (Resellers that existed before the program got
 * the same row from the migration {@code V7__reseller_program.sql}.)
 */
@Stateless
public class ProfileSetup {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    public void onTenantCreated(@Observes TenantCreated created) {
        if (created.kind() != TenantKind.RESELLER) {
            return;
        }
        em.persist(new ResellerProfile(created.tenantId(), created.brandName()));
    }
}
