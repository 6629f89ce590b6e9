package io.marque.portal.mail;

import io.marque.portal.domains.MailDomains;
import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.Themes;
import io.marque.portal.tenant.theme.Theme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Renders a mail in a tenant's brand from its theme's templates ({@code mail/<name>.html} and
 * {@code .txt}, inside {@code mail/layout.*}), with the tenant's wording in the reader's language.
 * Every header names only the tenant: {@code From} and {@code Reply-To} are its support address and
 * the {@code Message-ID} is on its mail domain when it brought one ({@link MailDomains}), else on its
 * primary domain.
 */
@ApplicationScoped
public class MailComposer {

    @Inject
    Themes themes;

    @Inject
    MailTransport transport;

    @Inject
    MarqueConfig config;

    @Inject
    MailDomains mailDomains;

    /**
     * @param template  the template's name, e.g. {@code password-reset}
     * @param values    the template's {@code ${name}} values; user-supplied text is escaped in HTML
     */
    public ComposedMail compose(TenantSnapshot tenant, Locale locale, String template, String recipient,
            Map<String, String> values) {
        return compose(tenant, locale, template, recipient, values, Threading.NONE);
    }

    /**
     * As {@link #compose(TenantSnapshot, Locale, String, String, Map)}, for a mail that belongs to a
     * conversation: answers go to {@code threading.replyTo()} (on the tenant's support domain), and
     * mail programs thread it under the earlier mails it names.
     */
    public ComposedMail compose(TenantSnapshot tenant, Locale locale, String template, String recipient,
            Map<String, String> values, Threading threading) {
        Theme theme = themes.of(tenant);
        Map<String, String> all = new HashMap<>(values);
        all.put("brandName", tenant.displayName());
        all.put("supportAddress", tenant.supportEmail());
        all.put("footer", tenant.footerText());
        all.put("colorPrimary", tenant.colorPrimary());
        all.put("logoUrl", baseUrl(tenant) + "/assets/" + tenant.brandHash() + "/logo");
        all.put("portalUrl", baseUrl(tenant) + "/");
        all.put("lang", locale.getLanguage());

        var messages = (java.util.function.Function<String, String>) key -> theme.message(locale, key);
        String subject = TemplateText.render(messageOrKey(theme, locale, "mail." + template + ".subject"), all,
                Set.of(), messages, false);
        String html = TemplateText.render(required(theme, "mail/" + template + ".html"), all, Set.of(), messages, true);
        String text = TemplateText.render(required(theme, "mail/" + template + ".txt"), all, Set.of(), messages, false);
        Map<String, String> frame = new HashMap<>(all);
        frame.put("subject", subject);
        frame.put("content", html);
        // many mail clients show no SVG, which theme logos are: only an uploaded logo goes into mails
        frame.put("logo", tenant.logoHash() == null ? ""
                : TemplateText.render(required(theme, "mail/logo.html"), all, Set.of(), messages, true));
        String htmlMail = TemplateText.render(required(theme, "mail/layout.html"), frame, Set.of("content", "logo"),
                messages, true);
        frame.put("content", text.strip());
        String textMail = TemplateText.render(required(theme, "mail/layout.txt"), frame, Set.of(), messages, false);

        String idDomain = mailDomains.of(tenant.id()).map(MailDomains.Signing::mailDomain).orElse(tenant.primaryHost());
        String messageId = "<" + UUID.randomUUID() + "@" + idDomain + ">";
        byte[] mime = mime(transport.session(), tenant, recipient, subject, textMail, htmlMail, messageId, locale,
                threading);
        return new ComposedMail(tenant.id(), messageId, tenant.supportEmail(), recipient, subject, mime);
    }

    /**
     * Where a mail sits in a conversation.
     *
     * @param replyTo   the address answers go to; {@code null} for the tenant's support address
     * @param inReplyTo the {@code Message-ID} of the mail this one follows, or {@code null}
     * @param automatic a notice nobody should answer automatically ({@code Auto-Submitted})
     */
    public record Threading(String replyTo, String inReplyTo, boolean automatic) {
        public static final Threading NONE = new Threading(null, null, false);
    }

    /** The address customers reach the tenant on, as used in links inside mails. */
    public String baseUrl(TenantSnapshot tenant) {
        String port = config.publicPort().map(p -> ":" + p).orElse("");
        return config.publicScheme() + "://" + tenant.primaryHost() + port;
    }

    private static String messageOrKey(Theme theme, Locale locale, String key) {
        String text = theme.message(locale, key);
        return text == null ? key : text;
    }

    private static String required(Theme theme, String path) {
        return theme.text(path).orElseThrow(() -> new IllegalStateException("Theme " + theme.name() + " has no " + path));
    }

    private static byte[] mime(Session session, TenantSnapshot tenant, String recipient, String subject, String text,
            String html, String messageId, Locale locale, Threading threading) {
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            InternetAddress from = new InternetAddress(tenant.supportEmail(), tenant.displayName(), "UTF-8");
            message.setFrom(from);
            message.setReplyTo(new InternetAddress[] {threading.replyTo() == null ? from
                    : new InternetAddress(threading.replyTo(), tenant.displayName(), "UTF-8")});
            if (threading.inReplyTo() != null) {
                message.setHeader("In-Reply-To", threading.inReplyTo());
                message.setHeader("References", threading.inReplyTo());
            }
            if (threading.automatic()) {
                // RFC 3834: mail programs and vacation responders must not answer a notification
                message.setHeader("Auto-Submitted", "auto-generated");
            }
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient, true));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(new java.util.Date());
            message.setHeader("Content-Language", locale.toLanguageTag());
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8", "plain");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(html, "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart);
            alternative.addBodyPart(htmlPart);
            message.setContent(alternative);
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("Mail could not be composed", e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
