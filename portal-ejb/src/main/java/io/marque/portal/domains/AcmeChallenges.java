package io.marque.portal.domains;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The open HTTP-01 challenges, in the database so that whichever node the CA reaches answers. Published
 * and withdrawn in their own transactions: the CA fetches the answer while the order is still open.
 */
@Stateless
public class AcmeChallenges {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void publish(String host, String token, String content) {
        AcmeChallenge old = em.find(AcmeChallenge.class, token);
        if (old != null) {
            em.remove(old);
            em.flush();
        }
        em.persist(new AcmeChallenge(token, host, content, Instant.now()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void withdraw(String host, String token) {
        AcmeChallenge challenge = em.find(AcmeChallenge.class, token);
        if (challenge != null && challenge.getHost().equals(host)) {
            em.remove(challenge);
        }
    }

    /** The answer for a token, only on the host it was published for. */
    public Optional<String> answer(String host, String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{1,128}")) {
            return Optional.empty();
        }
        AcmeChallenge challenge = em.find(AcmeChallenge.class, token);
        return challenge != null && challenge.getHost().equals(host) ? Optional.of(challenge.getContent()) : Optional.empty();
    }
}
