package io.marque.portal.mail;

import io.marque.portal.platform.MarqueConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * Hands a finished mail to the world: to the SMTP relay named by {@code MARQUE_SMTP_HOST}, or, with
 * none configured (the demo), to an {@code .eml} file in {@code MARQUE_MAIL_DIR} so every mail can be
 * read whole, headers included. The file is named by the mail's outbox id, so sending the same
 * mail again overwrites rather than duplicates.
 */
@ApplicationScoped
public class MailTransport {

    @Inject
    MarqueConfig config;

    private Session session;

    @PostConstruct
    void init() {
        Properties props = new Properties();
        config.smtpHost().ifPresent(host -> props.put("mail.smtp.host", host));
        props.put("mail.smtp.port", String.valueOf(config.smtpPort()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        config.smtpUser().ifPresent(user -> props.put("mail.smtp.auth", "true"));
        config.value("MARQUE_SMTP_STARTTLS").ifPresent(v -> props.put("mail.smtp.starttls.enable", v));
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

    public void send(long outboxId, byte[] mime) throws MessagingException, IOException {
        if (config.smtpHost().isEmpty()) {
            Path dir = config.mailDir();
            Files.createDirectories(dir);
            Path file = dir.resolve("mail-" + outboxId + ".eml");
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(mime);
            }
            return;
        }
        MimeMessage message = new StoredMessage(session, mime);
        if (config.smtpUser().isPresent()) {
            Transport.send(message, config.smtpUser().get(), config.smtpPassword().orElse(""));
        } else {
            Transport.send(message);
        }
    }
}
