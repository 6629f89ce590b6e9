package io.marque.portal.web.reseller;

import io.marque.portal.mail.inbound.MailboxChange;
import io.marque.portal.mail.inbound.MailboxService;
import io.marque.portal.mail.inbound.MailboxView;
import io.marque.portal.mail.inbound.PollResult;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * A reseller admin's mailbox page: the IMAP account its support mail is fetched from, its own SMTP
 * relay if it has one, how the last fetch went, and a button to fetch now. Passwords are write-only:
 * the fields always start empty, and an empty field keeps the stored password
 * ({@link MailboxService}).
 */
@Named
@ViewScoped
public class MailboxSettings implements Serializable {

    @Inject
    MailboxService mailboxes;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private MailboxView current;
    private String imapHost;
    private Integer imapPort;
    private boolean imapTls;
    private String imapUser;
    private String imapPassword;
    private String imapFolder;
    private String smtpHost;
    private Integer smtpPort;
    private boolean smtpStarttls;
    private String smtpUser;
    private String smtpPassword;

    @PostConstruct
    void load() {
        current = mailboxes.view(me.actor());
        imapHost = current.imapHost();
        imapPort = current.imapPort();
        imapTls = current.imapTls();
        imapUser = current.imapUser();
        imapFolder = current.imapFolder();
        smtpHost = current.smtpHost();
        smtpPort = current.smtpPort();
        smtpStarttls = current.smtpStarttls();
        smtpUser = current.smtpUser();
    }

    public String save() {
        String outcome = feedback.act(() -> mailboxes.save(me.actor(), new MailboxChange(imapHost, imapPort, imapTls,
                imapUser, imapPassword, imapFolder, smtpHost, smtpPort, smtpStarttls, smtpUser, smtpPassword)),
                "mailbox.saved");
        // a refused form is shown again, but never with a password in it
        imapPassword = null;
        smtpPassword = null;
        return outcome;
    }

    /** Fetches the mailbox now; the page then shows the new time of the last fetch, or what went wrong. */
    public String checkNow() {
        PollResult result;
        try {
            result = mailboxes.pollNow(me.actor());
        } catch (InvalidInputException e) {
            feedback.refused(e);
            return null;
        } catch (ForbiddenException e) {
            feedback.error("error.notAllowed");
            return null;
        }
        if (result.busy()) {
            feedback.error("mailbox.busy");
        } else if (result.error() != null) {
            feedback.error(result.error());
        } else {
            feedback.info("mailbox.checked");
            return Feedback.reloadOf(Feedback.RELOAD);
        }
        current = mailboxes.view(me.actor());
        return null;
    }

    public MailboxView getCurrent() { return current; }
    public String getImapHost() { return imapHost; }
    public void setImapHost(String imapHost) { this.imapHost = imapHost; }
    public Integer getImapPort() { return imapPort; }
    public void setImapPort(Integer imapPort) { this.imapPort = imapPort; }
    public boolean isImapTls() { return imapTls; }
    public void setImapTls(boolean imapTls) { this.imapTls = imapTls; }
    public String getImapUser() { return imapUser; }
    public void setImapUser(String imapUser) { this.imapUser = imapUser; }
    public String getImapPassword() { return null; }
    public void setImapPassword(String imapPassword) { this.imapPassword = imapPassword; }
    public String getImapFolder() { return imapFolder; }
    public void setImapFolder(String imapFolder) { this.imapFolder = imapFolder; }
    public String getSmtpHost() { return smtpHost; }
    public void setSmtpHost(String smtpHost) { this.smtpHost = smtpHost; }
    public Integer getSmtpPort() { return smtpPort; }
    public void setSmtpPort(Integer smtpPort) { this.smtpPort = smtpPort; }
    public boolean isSmtpStarttls() { return smtpStarttls; }
    public void setSmtpStarttls(boolean smtpStarttls) { this.smtpStarttls = smtpStarttls; }
    public String getSmtpUser() { return smtpUser; }
    public void setSmtpUser(String smtpUser) { this.smtpUser = smtpUser; }
    public String getSmtpPassword() { return null; }
    public void setSmtpPassword(String smtpPassword) { this.smtpPassword = smtpPassword; }
}
