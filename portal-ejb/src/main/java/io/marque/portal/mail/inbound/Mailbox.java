package io.marque.portal.mail.inbound;

import io.marque.portal.mail.SmtpRelay;
import io.marque.portal.platform.SecretBox;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * A reseller's own mailbox: the IMAP account that replies and new tickets are fetched from, and
 * optionally the reseller's own SMTP relay for its outgoing mail. One row per tenant, keyed by the
 * tenant. Passwords are stored encrypted ({@link io.marque.portal.platform.SecretBox}) and never
 * leave the server: views only say whether one is set.
 */
@Entity
@Table(name = "mailbox")
@NamedQuery(name = "Mailbox.pollable",
        query = "select m.tenantId from Mailbox m where m.imapHost is not null order by m.tenantId")
public class Mailbox {

    public static final int DEFAULT_IMAP_PORT = 993;
    public static final int DEFAULT_SMTP_PORT = 587;
    public static final String DEFAULT_FOLDER = "INBOX";

    @Id
    @Column(name = "tenant_id")
    private Long tenantId;

    @Column(name = "imap_host")
    private String imapHost;

    @Column(name = "imap_port", nullable = false)
    private int imapPort = DEFAULT_IMAP_PORT;

    @Column(name = "imap_tls", nullable = false)
    private boolean imapTls = true;

    @Column(name = "imap_user")
    private String imapUser;

    /** encrypted */
    @Column(name = "imap_password")
    private String imapPassword;

    @Column(name = "imap_folder", nullable = false)
    private String imapFolder = DEFAULT_FOLDER;

    @Column(name = "smtp_host")
    private String smtpHost;

    @Column(name = "smtp_port", nullable = false)
    private int smtpPort = DEFAULT_SMTP_PORT;

    @Column(name = "smtp_starttls", nullable = false)
    private boolean smtpStarttls = true;

    @Column(name = "smtp_user")
    private String smtpUser;

    /** encrypted */
    @Column(name = "smtp_password")
    private String smtpPassword;

    @Column(name = "last_polled_at")
    private Instant lastPolledAt;

    /** a message key naming what went wrong at the last poll, or null */
    @Column(name = "last_error")
    private String lastError;

    @Version
    private long version;

    protected Mailbox() {
    }

    public Mailbox(long tenantId) {
        this.tenantId = tenantId;
    }

    /** The IMAP account to fetch from, if one is set; its password is null if it cannot be decrypted. */
    public Optional<ImapAccount> imapAccount(SecretBox box) {
        if (imapHost == null) {
            return Optional.empty();
        }
        String password;
        try {
            password = imapPassword == null ? null : box.decrypt(imapPassword);
        } catch (IllegalArgumentException e) {
            password = null;
        }
        return Optional.of(new ImapAccount(tenantId, imapHost, imapPort, imapTls, imapUser, password, imapFolder));
    }

    /**
     * The reseller's own relay, if it set one.
     *
     * @throws IllegalArgumentException when its password cannot be decrypted with the installation's key
     */
    public Optional<SmtpRelay> smtpRelay(SecretBox box) {
        if (smtpHost == null) {
            return Optional.empty();
        }
        String password = smtpUser == null || smtpPassword == null ? null : box.decrypt(smtpPassword);
        return Optional.of(new SmtpRelay(smtpHost, smtpPort, smtpStarttls, smtpUser, password));
    }

    public Long getTenantId() { return tenantId; }
    public String getImapHost() { return imapHost; }
    public void setImapHost(String imapHost) { this.imapHost = imapHost; }
    public int getImapPort() { return imapPort; }
    public void setImapPort(int imapPort) { this.imapPort = imapPort; }
    public boolean isImapTls() { return imapTls; }
    public void setImapTls(boolean imapTls) { this.imapTls = imapTls; }
    public String getImapUser() { return imapUser; }
    public void setImapUser(String imapUser) { this.imapUser = imapUser; }
    public String getImapPassword() { return imapPassword; }
    public void setImapPassword(String encrypted) { this.imapPassword = encrypted; }
    public String getImapFolder() { return imapFolder; }
    public void setImapFolder(String imapFolder) { this.imapFolder = imapFolder; }
    public String getSmtpHost() { return smtpHost; }
    public void setSmtpHost(String smtpHost) { this.smtpHost = smtpHost; }
    public int getSmtpPort() { return smtpPort; }
    public void setSmtpPort(int smtpPort) { this.smtpPort = smtpPort; }
    public boolean isSmtpStarttls() { return smtpStarttls; }
    public void setSmtpStarttls(boolean smtpStarttls) { this.smtpStarttls = smtpStarttls; }
    public String getSmtpUser() { return smtpUser; }
    public void setSmtpUser(String smtpUser) { this.smtpUser = smtpUser; }
    public String getSmtpPassword() { return smtpPassword; }
    public void setSmtpPassword(String encrypted) { this.smtpPassword = encrypted; }
    public Instant getLastPolledAt() { return lastPolledAt; }
    public void setLastPolledAt(Instant lastPolledAt) { this.lastPolledAt = lastPolledAt; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
}
