package io.marque.portal.ticket;

import io.marque.portal.identity.Customer;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.User;
import io.marque.portal.identity.UserStatus;
import io.marque.portal.mail.ComposedMail;
import io.marque.portal.mail.MailComposer;
import io.marque.portal.mail.MailComposer.Threading;
import io.marque.portal.mail.Outbox;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells the people a ticket concerns, by mail through the outbox (so a mail leaves if and only if the
 * change committed, law 5):
 *
 * <ul>
 * <li>the customer, of a new ticket (an acknowledgement with its number) and of every public answer,
 * from the reseller's support address in the reseller's brand, with a {@code Reply-To} that leads an
 * answer back to the ticket; a provider answer arrives under the reseller's alias, like any other;</li>
 * <li>the reseller's staff (the assigned agent, or every agent while nobody is) of what the customer or
 * the provider wrote;</li>
 * <li>the provider's staff of escalations and of what arrives on an escalated ticket, in the provider's
 * own brand and with the customer's pseudonym unless the reseller shared who it is.</li>
 * </ul>
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TicketNotifier {

    /** The line above which a customer types an answer by mail; what follows it is cut off on arrival. */
    public static final String REPLY_MARKER = "##- Please type your reply above this line -##";

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    DomainDirectory directory;

    @Inject
    MailComposer composer;

    @Inject
    Outbox outbox;

    /** A new ticket: acknowledge it to the customer, tell the reseller's staff. */
    public void opened(Ticket ticket, TicketMessage first) {
        TenantSnapshot tenant = tenant(ticket);
        customerUser(ticket).ifPresent(user -> {
            ComposedMail mail = toCustomer(tenant, ticket, user, "ticket-created", first, null);
            ticket.setThreadMessageId(mail.messageId());
        });
        toResellerStaff(tenant, ticket, first, "ticket-new");
    }

    /** A new message: each side that should hear of it does. */
    public void added(Ticket ticket, TicketMessage message) {
        TenantSnapshot tenant = tenant(ticket);
        boolean fromCustomer = message.getAuthorKind() == AuthorKind.CUSTOMER;
        switch (message.getVisibility()) {
            case PUBLIC -> {
                if (fromCustomer) {
                    toResellerStaff(tenant, ticket, message, "ticket-customer-reply");
                    if (ticket.isEscalated()) {
                        toProviderStaff(tenant, ticket, message, "ticket-provider-update");
                    }
                } else {
                    customerUser(ticket).ifPresent(user -> {
                        ComposedMail mail = toCustomer(tenant, ticket, user, "ticket-reply", message,
                                ticket.getThreadMessageId());
                        message.setMailMessageId(mail.messageId());
                        if (ticket.getThreadMessageId() == null) {
                            ticket.setThreadMessageId(mail.messageId());
                        }
                    });
                }
            }
            case ESCALATION -> {
                if (message.getAuthorKind() == AuthorKind.PROVIDER) {
                    toResellerStaff(tenant, ticket, message, "ticket-provider-reply");
                } else {
                    toProviderStaff(tenant, ticket, message, "ticket-provider-update");
                }
            }
            default -> {
                // notes stay with their side: nobody is mailed
            }
        }
    }

    /** The reseller escalated: the provider's staff hear of it, with the reason. */
    public void escalated(Ticket ticket, TicketMessage reason) {
        toProviderStaff(tenant(ticket), ticket, reason, "ticket-escalated");
    }

    private ComposedMail toCustomer(TenantSnapshot tenant, Ticket ticket, User user, String template,
            TicketMessage message, String inReplyTo) {
        Locale locale = user.getLocale() != null ? Locale.forLanguageTag(user.getLocale()) : tenant.locale();
        Map<String, String> values = values(ticket, message);
        values.put("recipientName", user.getDisplayName());
        values.put("author", message.getPublicName());
        values.put("ticketUrl", composer.baseUrl(tenant) + "/customer/ticket?n=" + ticket.getNumber());
        values.put("marker", REPLY_MARKER);
        boolean automatic = "ticket-created".equals(template);
        ComposedMail mail = composer.compose(tenant, locale, template, user.getEmail(), values,
                new Threading(ReplyAddress.of(tenant.supportEmail(), ticket.getReplyToken()), inReplyTo, automatic));
        outbox.enqueue(mail);
        return mail;
    }

    private void toResellerStaff(TenantSnapshot tenant, Ticket ticket, TicketMessage message, String template) {
        List<User> staffUsers = activeUsers(ticket.getTenantId());
        List<User> recipients = staffUsers.stream().filter(u -> u.getId().equals(ticket.getAssigneeId())).toList();
        if (recipients.isEmpty()) {
            recipients = staffUsers.stream()
                    .filter(u -> u.hasRole(Role.RESELLER_AGENT) || u.hasRole(Role.RESELLER_ADMIN)).toList();
        }
        Customer customer = em.find(Customer.class, ticket.getCustomerId());
        for (User staff : recipients) {
            Map<String, String> values = values(ticket, message);
            values.put("recipientName", staff.getDisplayName());
            values.put("author", VisibilityPolicy.seesAuthorName(Viewer.RESELLER, message.getAuthorKind())
                    ? message.getAuthorName() : message.getPublicName());
            values.put("customer", customer.getName());
            values.put("ticketUrl", composer.baseUrl(tenant) + "/reseller/ticket?n=" + ticket.getNumber());
            staffMail(tenant, staff, template, values);
        }
    }

    private void toProviderStaff(TenantSnapshot reseller, Ticket ticket, TicketMessage message, String template) {
        Tenant providerTenant = em.createNamedQuery("Tenant.provider", Tenant.class).getResultStream().findFirst()
                .orElse(null);
        if (providerTenant == null) {
            return;
        }
        TenantSnapshot provider = directory.byId(providerTenant.getId()).orElseThrow();
        Customer customer = em.find(Customer.class, ticket.getCustomerId());
        for (User staff : activeUsers(provider.id())) {
            if (!staff.hasRole(Role.PROVIDER_AGENT) && !staff.hasRole(Role.PROVIDER_ADMIN)) {
                continue;
            }
            Map<String, String> values = values(ticket, message);
            values.put("recipientName", staff.getDisplayName());
            boolean seesCustomer = VisibilityPolicy.seesCustomer(Viewer.PROVIDER, ticket.isShareCustomer());
            values.put("author", message.getAuthorKind() == AuthorKind.CUSTOMER && !seesCustomer
                    ? ticket.getCustomerPseudonym() : message.getAuthorName());
            values.put("reseller", reseller.displayName());
            values.put("customer", seesCustomer ? customer.getName() : ticket.getCustomerPseudonym());
            values.put("ticketUrl", composer.baseUrl(provider) + "/admin/escalation?id=" + ticket.getId());
            staffMail(provider, staff, template, values);
        }
    }

    private void staffMail(TenantSnapshot tenant, User staff, String template, Map<String, String> values) {
        Locale locale = staff.getLocale() != null ? Locale.forLanguageTag(staff.getLocale()) : tenant.locale();
        outbox.enqueue(composer.compose(tenant, locale, template, staff.getEmail(), values,
                new Threading(null, null, true)));
    }

    private static Map<String, String> values(Ticket ticket, TicketMessage message) {
        Map<String, String> values = new HashMap<>();
        values.put("number", String.valueOf(ticket.getNumber()));
        values.put("subject", ticket.getSubject());
        values.put("body", message.getBody());
        return values;
    }

    private TenantSnapshot tenant(Ticket ticket) {
        return directory.byIdFresh(ticket.getTenantId()).orElseThrow();
    }

    private java.util.Optional<User> customerUser(Ticket ticket) {
        return em.createNamedQuery("User.ofCustomer", User.class).setParameter("tenant", ticket.getTenantId())
                .setParameter("customer", ticket.getCustomerId()).getResultStream()
                .filter(u -> u.getStatus() != UserStatus.DISABLED).findFirst();
    }

    private List<User> activeUsers(long tenantId) {
        return em.createNamedQuery("User.staff", User.class).setParameter("tenant", tenantId).getResultStream()
                .filter(u -> u.getStatus() == UserStatus.ACTIVE).toList();
    }
}
