package io.marque.portal.api;

import io.marque.portal.platform.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a POST at most once per Idempotency-Key: the key is claimed, the change made and its answer stored
 * in one transaction, so either all three happen or none. A retry with the same key and the same request
 * replays the stored answer; with another request it is refused (the key was used for something else);
 * while the first is still running, the claim's unique row makes the second wait for it and then replay.
 */
@Stateless
public class Idempotency {

    /** The answer a POST gave: status, JSON body and Location. */
    public record Answer(int status, String body, String location, boolean replayed) {
    }

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    /**
     * @param idemKey     the client's key (1–200 printable ASCII characters), or null to run without one
     * @param requestHash a hash of the method, path and body, so a reused key with another request is told apart
     * @param change      makes the change and renders its answer; runs in this transaction
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Answer once(ApiCaller caller, String idemKey, String requestHash, Supplier<Answer> change) {
        if (idemKey == null) {
            return change.get();
        }
        if (idemKey.isEmpty() || idemKey.length() > 200 || !idemKey.matches("[\\x21-\\x7e]+")) {
            throw new InvalidInputException("Idempotency-Key", "api.error.idempotencyKey");
        }
        Optional<ApiIdempotency> earlier = find(caller, idemKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), requestHash);
        }
        ApiIdempotency claim = new ApiIdempotency(caller, idemKey, requestHash, Instant.now());
        em.persist(claim);
        // the unique (key, idempotency key) row: a concurrent twin blocks here until this transaction ends
        em.flush();
        Answer answer = change.get();
        claim.answer(answer.status(), answer.body(), answer.location());
        return answer;
    }

    private Optional<ApiIdempotency> find(ApiCaller caller, String idemKey) {
        return em.createNamedQuery("ApiIdempotency.of", ApiIdempotency.class).setParameter("key", caller.keyId())
                .setParameter("idem", idemKey).getResultStream().findFirst();
    }

    private static Answer replay(ApiIdempotency earlier, String requestHash) {
        if (!earlier.getRequestHash().equals(requestHash)) {
            throw new KeyReusedException();
        }
        return new Answer(earlier.getStatus(), earlier.getBody(), earlier.getLocation(), true);
    }

    /** The Idempotency-Key was used before for another request: 422 with a stable code. */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static class KeyReusedException extends RuntimeException {
        public KeyReusedException() {
            super("This Idempotency-Key was used for another request");
        }
    }
}
