package io.marque.portal.audit;

import io.marque.portal.identity.Actor;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes activity entries. {@code MANDATORY}: an entry is always part of the transaction that made
 * the change, so the change and its record commit together.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditRecorder {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public void record(Actor actor, String action, String target, String detail) {
        write(actor.tenantId(), actor.userId(), actor.email(), action, target, detail, actor.clientAddress());
    }

    /**
     * An action of one tenant's staff on another tenant (the provider adding a reseller's domain or
     * suspending it): recorded in the actor's log, and in the affected tenant's too, so its admins see
     * what was done to it.
     */
    public void recordOn(long affectedTenantId, Actor actor, String action, String target, String detail) {
        record(actor, action, target, detail);
        if (affectedTenantId != actor.tenantId()) {
            write(affectedTenantId, actor.userId(), actor.email(), action, target, detail, actor.clientAddress());
        }
    }

    /** For events with no signed-in actor: a failed sign-in, a reset request, a self sign-up. */
    public void recordAnonymous(long tenantId, String who, String action, String target, String detail,
            String clientAddress) {
        write(tenantId, null, who, action, target, detail, clientAddress);
    }

    /**
     * Erasure of a customer on request (GDPR art. 17), the one exception to "entries are never
     * changed": in the customer's tenant, entries made by its logins lose the actor's address (it becomes
     * {@code replacement}) and the client address; every entry whose actor, target or detail names one of
     * {@code values} (the customer's addresses and names) has them replaced. What was done, when and on
     * which id stays. Entries of other tenants are not touched: the same address there is another person.
     *
     * @return how many entries changed
     */
    public int forget(long tenantId, Collection<Long> userIds, List<String> values, String replacement) {
        Map<Long, Activity> found = new LinkedHashMap<>();
        if (!userIds.isEmpty()) {
            em.createQuery("select a from Activity a where a.tenantId = :tenant and a.actorUserId in :users", Activity.class)
                    .setParameter("tenant", tenantId).setParameter("users", userIds).getResultStream()
                    .forEach(a -> found.put(a.getId(), a));
        }
        for (String value : values) {
            String pattern = "%" + value.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            em.createQuery("select a from Activity a where a.tenantId = :tenant and (lower(a.actor) like :p escape '!'"
                    + " or lower(a.target) like :p escape '!' or lower(a.detail) like :p escape '!')", Activity.class)
                    .setParameter("tenant", tenantId).setParameter("p", pattern).getResultStream()
                    .forEach(a -> found.put(a.getId(), a));
        }
        int changed = 0;
        for (Activity entry : found.values()) {
            boolean own = entry.getActorUserId() != null && userIds.contains(entry.getActorUserId());
            String actor = clip(own ? replacement : scrub(entry.getActor(), values, replacement), 254);
            String target = clip(scrub(entry.getTarget(), values, replacement), 254);
            String detail = clip(scrub(entry.getDetail(), values, replacement), 1000);
            boolean clearAddress = (own || mentions(entry.getActor(), values)) && entry.getClientAddress() != null;
            if (clearAddress || !Objects.equals(actor, entry.getActor()) || !Objects.equals(target, entry.getTarget())
                    || !Objects.equals(detail, entry.getDetail())) {
                entry.forget(actor, target, detail, clearAddress);
                changed++;
            }
        }
        return changed;
    }

    /**
     * Replaces the detail of every entry of the tenant about one of {@code targets} (an erased customer's
     * tickets, {@code #<number>}): what the customer wrote there (a ticket's subject) goes with it.
     *
     * @return how many entries changed
     */
    public int forgetDetails(long tenantId, Collection<String> targets, String replacement) {
        if (targets.isEmpty()) {
            return 0;
        }
        int changed = 0;
        for (Activity entry : em.createQuery("select a from Activity a where a.tenantId = :tenant and a.target in :targets"
                + " and a.detail is not null and a.detail <> :replacement", Activity.class).setParameter("tenant", tenantId)
                .setParameter("targets", targets).setParameter("replacement", replacement).getResultList()) {
            entry.forget(entry.getActor(), entry.getTarget(), replacement, false);
            changed++;
        }
        return changed;
    }

    private static String scrub(String text, List<String> values, String replacement) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String value : values) {
            result = Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(result)
                    .replaceAll(Matcher.quoteReplacement(replacement));
        }
        return result;
    }

    private static boolean mentions(String text, List<String> values) {
        return text != null && values.stream().anyMatch(v -> text.toLowerCase(Locale.ROOT).contains(v.toLowerCase(Locale.ROOT)));
    }

    private void write(long tenantId, Long userId, String who, String action, String target, String detail,
            String clientAddress) {
        em.persist(new Activity(tenantId, userId, clip(who, 254), action, clip(target, 254), clip(detail, 1000),
                clip(clientAddress, 64), Instant.now(clock)));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
