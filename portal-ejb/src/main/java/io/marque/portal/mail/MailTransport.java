package io.marque.portal.mail;

import io.marque.portal.platform.MarqueConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * Hands a finished mail to the world: to the reseller's own SMTP relay when it has one
 * ({@link SmtpRelay}, set on its mailbox page), else to the provider's relay named by
 * {@code MARQUE_SMTP_HOST}, or, with neither (the demo), to an {@code .eml} file in
 * {@code MARQUE_MAIL_DIR} so every mail can be read whole, headers included. The file is named by the
 * mail's outbox id, so sending the same mail again overwrites rather than duplicates.
 *
 * <p>The envelope sender ({@code MAIL FROM}, which receivers record as {@code Return-Path}) is the
 * mail's own {@code From}, the reseller's support address, through either relay: bounces go to the
 * reseller, and no header names the provider (law 2).
 */
@ApplicationScoped
public class MailTransport {

    @Inject
    MarqueConfig config;

    private Session session;
    private Properties providerRelay;

    @PostConstruct
    void init() {
        Properties props = new Properties();
        config.smtpHost().ifPresent(host -> props.put("mail.smtp.host", host));
        props.put("mail.smtp.port", String.valueOf(config.smtpPort()));
        timeouts(props);
        config.smtpUser().ifPresent(user -> props.put("mail.smtp.auth", "true"));
        config.value("MARQUE_SMTP_STARTTLS").ifPresent(v -> props.put("mail.smtp.starttls.enable", v));
        providerRelay = props;
        session = Session.getInstance(props);
    }

    public Session session() {
        return session;
    }

    /**
     * A mail as the outbox stored it. Sending must not rewrite it: Jakarta Mail would otherwise
     * replace our Message-ID with one naming this machine's host.
     */
    private static final class StoredMessage extends MimeMessage {
        StoredMessage(Session session, byte[] mime) throws MessagingException {
            super(session, new ByteArrayInputStream(mime));
        }

        @Override
        protected void updateMessageID() {
            // keep the Message-ID the composer gave it
        }
    }

    /** Sends through the provider's relay (or into the mail folder); see {@link #send(long, byte[], SmtpRelay)}. */
    public void send(long outboxId, byte[] mime) throws MessagingException, IOException {
        send(outboxId, mime, null);
    }

    /**
     * @param tenantRelay the reseller's own relay, or null for the provider's
     * @throws MailServerAddress.NotPublicException when the reseller's relay is on a private address
     */
    public void send(long outboxId, byte[] mime, SmtpRelay tenantRelay) throws MessagingException, IOException {
        if (tenantRelay == null && config.smtpHost().isEmpty()) {
            Path dir = config.mailDir();
            Files.createDirectories(dir);
            Path file = dir.resolve("mail-" + outboxId + ".eml");
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(mime);
            }
            return;
        }
        Properties props;
        String user;
        String password;
        if (tenantRelay != null) {
            if (!config.mailboxAllowPrivate()) {
                MailServerAddress.requirePublic(tenantRelay.host());
            }
            props = relay(tenantRelay);
            user = tenantRelay.user();
            password = tenantRelay.password();
        } else {
            props = (Properties) providerRelay.clone();
            user = config.smtpUser().orElse(null);
            password = config.smtpPassword().orElse("");
        }
        MimeMessage message = new StoredMessage(session, mime);
        String envelopeSender = envelopeSender(message);
        if (envelopeSender != null) {
            props.put("mail.smtp.from", envelopeSender);
        }
        message.saveChanges();
        try (Transport transport = Session.getInstance(props).getTransport("smtp")) {
            if (user != null) {
                transport.connect(user, password == null ? "" : password);
            } else {
                transport.connect();
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    static Properties relay(SmtpRelay relay) {
        Properties props = new Properties();
        props.put("mail.smtp.host", relay.host());
        props.put("mail.smtp.port", String.valueOf(relay.port()));
        timeouts(props);
        if (relay.user() != null) {
            props.put("mail.smtp.auth", "true");
        }
        if (relay.starttls()) {
            // the reseller asked for encryption: a server that does not offer it gets no password and no mail
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
            props.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return props;
    }

    private static void timeouts(Properties props) {
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
    }

    /** The bare address of the mail's {@code From}, or null when it has none. */
    static String envelopeSender(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
            return address.getAddress();
        }
        return null;
    }
}
