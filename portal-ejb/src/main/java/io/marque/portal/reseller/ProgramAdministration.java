package io.marque.portal.reseller;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.billing.Money;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.Problems;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The provider admin's program settings: open or closed to applications, approval without review,
 * the default discount, the tier thresholds (one currency, strictly rising) and the extra questions of
 * the application form.
 */
@Stateless
public class ProgramAdministration {

    /** At most this many extra questions, each label at most {@link #LABEL_MAX} characters. */
    public static final int MAX_EXTRA_FIELDS = 10;
    public static final int LABEL_MAX = 100;

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    AuditRecorder audit;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ProgramView settings(Actor actor) {
        actor.require(Role.PROVIDER_ADMIN);
        return ProgramView.of(em.find(ProgramSettings.class, ProgramSettings.ID));
    }

    /**
     * Stores the settings as a whole.
     *
     * @throws InvalidInputException naming every wrong field; nothing is stored then
     */
    public ProgramView update(Actor actor, ProgramChange change) {
        actor.require(Role.PROVIDER_ADMIN);
        Problems problems = new Problems();
        BigDecimal discount = null;
        try {
            discount = Percents.parse("defaultDiscount", change.defaultDiscount());
        } catch (InvalidInputException e) {
            problems.add("defaultDiscount", "program.error.percent");
        }
        String currency = currency(change.tierCurrency());
        if (currency == null) {
            problems.add("tierCurrency", "error.currency.invalid");
        }
        Money silver = amount(problems, "silverFrom", change.silverFrom(), currency);
        Money gold = amount(problems, "goldFrom", change.goldFrom(), currency);
        Money platinum = amount(problems, "platinumFrom", change.platinumFrom(), currency);
        Money diamond = amount(problems, "diamondFrom", change.diamondFrom(), currency);
        if (silver != null && gold != null && platinum != null && diamond != null
                && !Tiers.rising(silver, gold, platinum, diamond)) {
            problems.add("silverFrom", "program.error.tiersOrder");
        }
        List<String> labels = ProgramSettings.labels(change.applicationFields());
        if (labels.size() > MAX_EXTRA_FIELDS || labels.stream().anyMatch(
                l -> l.length() > LABEL_MAX || l.chars().anyMatch(c -> c < 0x20)) || new HashSet<>(labels).size() < labels.size()) {
            problems.add("applicationFields", "program.error.fields");
        }
        problems.throwIfAny();
        ProgramSettings settings = em.find(ProgramSettings.class, ProgramSettings.ID, LockModeType.PESSIMISTIC_WRITE);
        settings.setEnabled(change.enabled());
        settings.setAutoApprove(change.autoApprove());
        settings.setDefaultDiscount(discount);
        settings.setTiers(new Tiers(silver, gold, platinum, diamond));
        settings.setApplicationFields(String.join("\n", labels));
        audit.record(actor, "program.changed", "reseller program", (change.enabled() ? "open" : "closed")
                + (change.autoApprove() ? ", auto-approval" : "") + ", default discount " + discount.toPlainString()
                + " %, tiers from " + silver + " / " + gold + " / " + platinum + " / " + diamond + ", "
                + labels.size() + " extra questions");
        return ProgramView.of(settings);
    }

    private static String currency(String typed) {
        String code = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) {
            return null;
        }
        try {
            return Money.code(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Money amount(Problems problems, String field, String typed, String currency) {
        if (currency == null) {
            return null;
        }
        try {
            return Money.parse(typed, currency);
        } catch (IllegalArgumentException e) {
            problems.add(field, "program.error.amount");
            return null;
        }
    }
}
