package io.marque.portal.api;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.platform.Problems;
import io.marque.portal.platform.Sha256;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A reseller admin's API keys: made with a name, scopes, optional client addresses and expiry; the
 * secret shown once ({@code rk_<prefix>_<secret>}) and only its SHA-256 kept (the secret is 160 random
 * bits: a fast hash is enough, and a per-request check must be fast); revoked or rotated (a new secret
 * with the same settings, the old one revoked). A key authenticates only on its own tenant's domains.
 */
@Stateless
public class ApiKeys {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The most live keys one reseller may have. */
    static final int MAX_KEYS = 50;

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    AuditRecorder audit;

    @Inject
    ApiUsage usage;

    /** A key just made: its record, and the secret, which is never shown again. */
    public record Created(ApiKeyView key, String secret) {
    }

    /** What a reseller admin's form sends. */
    public record NewKey(String name, String scopes, String allowedAddresses, Instant expiresAt) {
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ApiKeyView> list(Actor actor) {
        actor.require(Role.RESELLER_ADMIN);
        return em.createNamedQuery("ApiKey.ofTenant", ApiKey.class).setParameter("tenant", actor.tenantId()).setMaxResults(200)
                .getResultStream().map(k -> ApiKeyView.of(k, usage.unwritten(k.getId()), usage.lastUse(k.getId()))).toList();
    }

    public Created create(Actor actor, NewKey request) {
        actor.require(Role.RESELLER_ADMIN);
        Problems problems = new Problems();
        String name = problems.check(() -> Fields.text("name", request.name(), 80));
        Set<ApiScope> scopes = Set.of();
        try {
            scopes = ApiScope.parse(request.scopes());
            if (scopes.isEmpty()) {
                problems.add("scopes", "api.error.scopes");
            }
        } catch (IllegalArgumentException e) {
            problems.add("scopes", "api.error.scopes");
        }
        String addresses = null;
        try {
            addresses = AddressRanges.parse(request.allowedAddresses()).map(AddressRanges::toString).orElse(null);
        } catch (IllegalArgumentException e) {
            problems.add("allowedAddresses", "api.error.addresses");
        }
        Instant now = Instant.now();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            problems.add("expiresAt", "api.error.expiry");
        }
        long live = em.createQuery("select count(k) from ApiKey k where k.tenantId = :tenant and k.revokedAt is null", Long.class)
                .setParameter("tenant", actor.tenantId()).getSingleResult();
        if (live >= MAX_KEYS) {
            problems.add("", "api.error.tooManyKeys");
        }
        problems.throwIfAny();
        Created created = make(actor, name, scopes, addresses, request.expiresAt(), now);
        audit.record(actor, "api.key.created", name, created.key().prefix() + ": " + ApiScope.format(scopes));
        return created;
    }

    public void revoke(Actor actor, long keyId) {
        actor.require(Role.RESELLER_ADMIN);
        ApiKey key = own(actor, keyId);
        if (key.getRevokedAt() == null) {
            key.revoke(Instant.now());
            audit.record(actor, "api.key.revoked", key.getName(), key.getPrefix());
        }
    }

    /** A new secret with the same name, scopes, addresses and expiry; the old key stops working at once. */
    public Created rotate(Actor actor, long keyId) {
        actor.require(Role.RESELLER_ADMIN);
        ApiKey old = own(actor, keyId);
        if (!old.usableAt(Instant.now())) {
            throw new InvalidInputException("", "api.error.notRotatable");
        }
        Instant now = Instant.now();
        old.revoke(now);
        Created created = make(actor, old.getName(), old.scopes(), old.getAllowedAddresses(), old.getExpiresAt(), now);
        audit.record(actor, "api.key.rotated", old.getName(), old.getPrefix() + " → " + created.key().prefix());
        return created;
    }

    /** Why a request's key was refused; every reason answers the client the same (401), the log tells them apart. */
    public enum Refusal { MALFORMED, UNKNOWN, OTHER_TENANT, REVOKED_OR_EXPIRED, ADDRESS, CREATOR_GONE }

    /** The outcome of {@link #authenticate}: a caller, or why not. */
    public record Authentication(ApiCaller caller, Refusal refusal) {
    }

    /**
     * Finds the key a request presents ({@code Authorization: Bearer rk_…}) and checks it against the
     * tenant whose domain the request came on, the clock and the client's address; counts the use (in memory,
     * {@link ApiUsage}), so the check itself only reads.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Authentication authenticate(long hostTenantId, String token, String clientAddress) {
        Optional<String[]> parts = split(token);
        if (parts.isEmpty()) {
            return new Authentication(null, Refusal.MALFORMED);
        }
        ApiKey key = em.createNamedQuery("ApiKey.byPrefix", ApiKey.class).setParameter("prefix", parts.get()[0])
                .getResultStream().findFirst().orElse(null);
        if (key == null || !MessageDigest.isEqual(key.getSecretHash().getBytes(StandardCharsets.US_ASCII),
                hash(token).getBytes(StandardCharsets.US_ASCII))) {
            return new Authentication(null, Refusal.UNKNOWN);
        }
        if (key.getTenantId() != hostTenantId) {
            return new Authentication(null, Refusal.OTHER_TENANT);
        }
        Instant now = Instant.now();
        if (!key.usableAt(now)) {
            return new Authentication(null, Refusal.REVOKED_OR_EXPIRED);
        }
        if (key.getAllowedAddresses() != null
                && !AddressRanges.parse(key.getAllowedAddresses()).map(r -> r.contains(clientAddress)).orElse(true)) {
            return new Authentication(null, Refusal.ADDRESS);
        }
        // a key acts as the admin who made it: once that admin is disabled or no longer an admin, neither is the key
        io.marque.portal.identity.User creator = em.find(io.marque.portal.identity.User.class, key.getCreatedByUserId());
        if (creator == null || creator.getStatus() != io.marque.portal.identity.UserStatus.ACTIVE
                || !creator.hasRole(Role.RESELLER_ADMIN)) {
            return new Authentication(null, Refusal.CREATOR_GONE);
        }
        usage.record(key.getId());
        return new Authentication(new ApiCaller(key.getId(), key.getTenantId(), key.getCreatedByUserId(), key.getName(),
                key.getPrefix(), key.scopes(), clientAddress), null);
    }

    private Created make(Actor actor, String name, Set<ApiScope> scopes, String addresses, Instant expiresAt, Instant now) {
        String prefix = random(12);
        String secret = "rk_" + prefix + "_" + random(32);
        ApiKey key = new ApiKey(actor.tenantId(), name, prefix, hash(secret), scopes, addresses, expiresAt, actor.userId(),
                actor.email(), now);
        em.persist(key);
        em.flush();
        return new Created(ApiKeyView.of(key, 0, null), secret);
    }

    private ApiKey own(Actor actor, long keyId) {
        ApiKey key = em.find(ApiKey.class, keyId);
        if (key == null || key.getTenantId() != actor.tenantId()) {
            throw new NotFoundException("API key");
        }
        return key;
    }

    static Optional<String[]> split(String token) {
        if (token == null || token.length() > 100 || !token.matches("rk_[a-z2-7]{12}_[a-z2-7]{32}")) {
            return Optional.empty();
        }
        return Optional.of(new String[] {token.substring(3, 15), token.substring(16)});
    }

    static String hash(String secret) {
        return Sha256.hex(secret.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }
}
