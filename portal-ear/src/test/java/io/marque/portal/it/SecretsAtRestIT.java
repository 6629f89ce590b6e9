package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.api.ApiKeys;
import io.marque.portal.api.webhook.WebhookEvent;
import io.marque.portal.api.webhook.Webhooks;
import io.marque.portal.identity.AuthenticationService;
import io.marque.portal.identity.ProfileService;
import io.marque.portal.identity.SignInOutcome;
import io.marque.portal.identity.Totp;
import io.marque.portal.mail.inbound.MailboxChange;
import io.marque.portal.mail.inbound.MailboxService;
import io.marque.portal.server.NewServer;
import io.marque.portal.server.ServerInventory;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Secrets at rest: every secret a user hands the portal is set through its service, then the whole
 * database — every text and binary column of every table, the activity log included — is searched for
 * it. Secrets the portal must read back (BMC and switch credentials, mailbox passwords, webhook signing
 * secrets, authenticator secrets) are found nowhere in the clear; secrets it only has to recognise (API
 * keys) are kept as their SHA-256 alone. A copy of the database without the installation's key gives an
 * attacker none of them, and the services still work with them.
 */
@ExtendWith(ArquillianExtension.class)
class SecretsAtRestIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(SecretsAtRestIT.class, ServerFixtures.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    ServerFixtures servers;

    @Inject
    ServerInventory inventory;

    @Inject
    MailboxService mailboxes;

    @Inject
    Webhooks webhooks;

    @Inject
    ApiKeys keys;

    @Inject
    ProfileService profiles;

    @Inject
    AuthenticationService auth;

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    @Test
    void noSecretIsStoredInTheClearAnywhereInTheDatabase() {
        Fixtures.Reseller a = fixtures.reseller("secrets");
        String unique = UUID.randomUUID().toString().replace("-", "");
        String bmcPassword = "bmc-" + unique;
        String community = "community-" + unique;
        String imapPassword = "imap-" + unique;
        String smtpPassword = "smtp-" + unique;

        NewServer spec = servers.spec("secrets");
        long serverId = servers.added(fixtures.providerAdmin(), new NewServer(spec.hostname(), spec.cpu(), spec.ramGb(),
                spec.disks(), spec.ipv4(), spec.ipv6(), spec.location(), spec.os(), spec.driver(), spec.rack(),
                spec.bmcHost(), spec.bmcPort(), spec.bmcUser(), bmcPassword, spec.upstreamId(), spec.monthlyCost(),
                spec.costCurrency()));
        inventory.setTrafficPort(fixtures.providerAdmin(), serverId, "192.0.2.10", 7, community);
        mailboxes.save(a.admin(), new MailboxChange("mail.secrets.example", 993, true, "support", imapPassword, "INBOX",
                "smtp.secrets.example", 587, true, "support", smtpPassword));
        String webhookSecret = webhooks.create(a.admin(), new Webhooks.EndpointForm("https://hooks.secrets.example/in",
                Set.of(WebhookEvent.INVOICE_PAID), false)).secret();
        String apiKey = keys.create(a.admin(), new ApiKeys.NewKey("Secrets", "customers:read", null, null)).secret();
        ProfileService.TotpEnrolment enrolment = profiles.startTotp(a.admin());
        profiles.confirmTotp(a.admin(), Totp.code(enrolment.secret(), Instant.now().getEpochSecond()));

        Map<String, String> secrets = Map.of("BMC password", bmcPassword, "switch community", community,
                "IMAP password", imapPassword, "SMTP password", smtpPassword, "webhook secret", webhookSecret,
                "API key", apiKey, "API key secret part", apiKey.substring(apiKey.lastIndexOf('_') + 1),
                "authenticator secret", enrolment.secret());
        List<String> columns = textColumns();
        assertTrue(columns.size() > 100, "the search covers the whole schema: " + columns.size() + " columns");
        List<String> found = new ArrayList<>();
        secrets.forEach((what, secret) -> found.addAll(columnsHolding(columns, secret).stream()
                .map(column -> what + " in " + column).toList()));
        assertEquals(List.of(), found, "secrets stored in the clear");

        // the search finds what is there: each API key's SHA-256 is, and the realm still reads every secret
        assertEquals(List.of("api_key.secret_hash"), columnsHolding(columns, sha256(apiKey)), "the API key is kept as its hash");
        assertEquals(null, keys.authenticate(a.tenantId(), apiKey, "127.0.0.1").refusal(), "the key still signs in");
        assertTrue(mailboxes.view(a.admin()).imapPasswordSet());
        var challenge = assertInstanceOf(SignInOutcome.SecondFactorNeeded.class,
                auth.signIn(a.tenantId(), a.adminEmail(), Fixtures.PASSWORD.toCharArray(), "10.9.0.1"));
        assertInstanceOf(SignInOutcome.SignedIn.class, auth.completeSecondFactor(a.tenantId(), challenge.challenge(),
                Totp.code(enrolment.secret(), Instant.now().getEpochSecond() + 30), "10.9.0.1"),
                "the encrypted authenticator secret still checks codes");
    }

    /** Every column of the schema that can hold text or bytes, as table.column. */
    private List<String> textColumns() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select table_name, column_name, data_type from information_schema.columns"
                + " where table_schema = current_schema() and data_type in ('text', 'character varying', 'character', 'bytea')"
                + " and table_name <> 'flyway_schema_history' order by table_name, column_name").getResultList();
        return rows.stream().map(r -> r[0] + "." + r[1] + ("bytea".equals(r[2]) ? ":bytes" : "")).toList();
    }

    private List<String> columnsHolding(List<String> columns, String value) {
        List<String> holding = new ArrayList<>();
        for (String column : columns) {
            boolean bytes = column.endsWith(":bytes");
            String name = bytes ? column.substring(0, column.length() - ":bytes".length()) : column;
            String table = name.substring(0, name.indexOf('.'));
            String field = name.substring(name.indexOf('.') + 1);
            String condition = bytes ? "position(cast(?1 as bytea) in \"" + field + "\") > 0"
                    : "strpos(\"" + field + "\", ?1) > 0";
            Number count = (Number) em.createNativeQuery("select count(*) from \"" + table + "\" where " + condition)
                    .setParameter(1, bytes ? value.getBytes(StandardCharsets.UTF_8) : value).getSingleResult();
            if (count.longValue() > 0) {
                holding.add(name);
            }
        }
        return holding;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
