package io.marque.portal.ticket;

import io.marque.portal.document.PdfDocuments;
import io.marque.portal.identity.Actor;
import io.marque.portal.mail.TemplateText;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.Themes;
import io.marque.portal.tenant.theme.Theme;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * A ticket's transcript as a PDF, in the brand of the site it is downloaded from, holding exactly what
 * the downloader may read on the ticket page: it is built from the same {@link TicketDetail} the desk
 * hands the page, so the visibility rules cannot differ between the two. Every text from a user is
 * escaped; the document's metadata names only the brand.
 */
@Stateless
public class TicketTranscript {

    @Inject
    CustomerDesk customers;

    @Inject
    ResellerDesk resellers;

    @Inject
    ProviderDesk provider;

    @Inject
    PdfDocuments pdf;

    @Inject
    Themes themes;

    /** A downloadable file. */
    public record File(String name, byte[] bytes) {
    }

    public File forCustomer(Actor actor, long number, TenantSnapshot site, Locale locale) {
        return new File("ticket-" + number + ".pdf", render(site, customers.read(actor, number), Viewer.CUSTOMER, locale));
    }

    public File forReseller(Actor actor, long number, TenantSnapshot site, Locale locale) {
        return new File("ticket-" + number + ".pdf", render(site, resellers.read(actor, number), Viewer.RESELLER, locale));
    }

    public File forProvider(Actor actor, long ticketId, TenantSnapshot site, Locale locale) {
        return new File("escalation-" + ticketId + ".pdf", render(site, provider.read(actor, ticketId), Viewer.PROVIDER,
                locale));
    }

    private byte[] render(TenantSnapshot site, TicketDetail ticket, Viewer viewer, Locale locale) {
        Theme theme = themes.of(site);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneId.of(site.timeZone()));
        TicketSummary summary = ticket.summary();
        StringBuilder html = new StringBuilder();
        html.append("<table class=\"columns\"><tr><td>")
                .append(row(theme, locale, "field.status", text(theme, locale,
                        (viewer == Viewer.CUSTOMER ? "customerStatus." : "ticketStatus.") + summary.status())))
                .append(row(theme, locale, "field.priority", text(theme, locale, "priority." + summary.priority())))
                .append(row(theme, locale, "field.department", summary.department()))
                .append("</td><td>");
        if (viewer != Viewer.CUSTOMER) {
            html.append(row(theme, locale, "field.customer", summary.pseudonymous()
                    ? text(theme, locale, "ticket.pseudonym").replace("{0}", summary.customer())
                    : summary.customer()));
        }
        if (summary.reseller() != null) {
            html.append(row(theme, locale, "field.reseller", summary.reseller()));
        }
        if (ticket.relatedService() != null) {
            html.append(row(theme, locale, "field.relatedService", ticket.relatedService()));
        }
        html.append("</td></tr></table>");
        for (MessageView message : ticket.messages()) {
            html.append("<div class=\"message\" style=\"margin: 0 0 5mm 0; page-break-inside: avoid;\">")
                    .append("<p class=\"muted\" style=\"margin: 0 0 1mm 0;\"><strong>")
                    .append(esc(author(theme, locale, message, viewer))).append("</strong> · ")
                    .append(esc(time.format(message.createdAt())));
            if (viewer != Viewer.CUSTOMER && message.visibility() != Visibility.PUBLIC) {
                html.append(" · ").append(esc(text(theme, locale, "visibility." + message.visibility())));
            }
            html.append("</p><div style=\"white-space: pre-wrap; border-left: 2pt solid #e5e7eb; padding-left: 3mm;\">")
                    .append(esc(message.body())).append("</div>");
            for (AttachmentView file : message.attachments()) {
                html.append("<p class=\"muted\" style=\"margin: 1mm 0 0 0;\">").append(esc(file.fileName())).append(" (")
                        .append(file.size()).append(" B)</p>");
            }
            html.append("</div>");
        }
        String title = "#" + summary.number() + " · " + summary.subject();
        return pdf.render(site, locale, title, html.toString());
    }

    private static String author(Theme theme, Locale locale, MessageView message, Viewer viewer) {
        if (message.authorKind() == AuthorKind.SYSTEM) {
            return text(theme, locale, "ticket.author.system");
        }
        if (message.authorKind() == AuthorKind.PROVIDER && viewer == Viewer.RESELLER) {
            return text(theme, locale, "ticket.author.provider") + " (" + message.author() + ")";
        }
        return message.author();
    }

    private static String row(Theme theme, Locale locale, String labelKey, String value) {
        return "<p><span class=\"muted\">" + esc(text(theme, locale, labelKey)) + ":</span> " + esc(value) + "</p>";
    }

    private static String text(Theme theme, Locale locale, String key) {
        String text = theme.message(locale, key);
        return text == null ? key : text;
    }

    private static String esc(String text) {
        return text == null ? "" : TemplateText.escapeHtml(text);
    }
}
