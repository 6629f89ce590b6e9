package io.marque.portal.domains;

import io.marque.portal.domains.acme.AcmeFailure;
import io.marque.portal.domains.acme.AcmeIssuer;
import io.marque.portal.domains.acme.Pems;
import io.marque.portal.platform.SecretKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;

/**
 * The installation's ACME account per directory: made and registered on first use, its key stored
 * encrypted, so every node and every later order uses the same account.
 */
@Stateless
public class AcmeAccounts {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    SecretKeys secrets;

    /** The account key for the issuer's directory, registering a new account the first time. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public KeyPair key(AcmeIssuer issuer, String directory, String email) throws AcmeFailure {
        List<AcmeAccount> found = em.createNamedQuery("AcmeAccount.byDirectory", AcmeAccount.class)
                .setParameter("directory", directory).getResultList();
        if (!found.isEmpty()) {
            try {
                return Pems.keyPairFromPem(secrets.box().decrypt(found.get(0).getKeyPem()));
            } catch (IOException e) {
                throw new AcmeFailure("The certificate account's key cannot be read.", e.getMessage(), e);
            }
        }
        KeyPair key = Pems.newKeyPair();
        String location = issuer.register(key, email);
        em.persist(new AcmeAccount(directory, secrets.box().encrypt(Pems.toPem(key)), location, Instant.now()));
        return key;
    }
}
