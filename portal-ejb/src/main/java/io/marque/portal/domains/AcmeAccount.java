package io.marque.portal.domains;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** The installation's account with one ACME directory; its key pair kept encrypted. */
@Entity
@Table(name = "acme_account")
@NamedQuery(name = "AcmeAccount.byDirectory", query = "select a from AcmeAccount a where a.directory = :directory")
public class AcmeAccount {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(nullable = false)
    private String directory;

    /** Encrypted PEM. */
    @Column(name = "key_pem", nullable = false)
    private String keyPem;

    private String location;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AcmeAccount() {
    }

    public AcmeAccount(String directory, String encryptedKeyPem, String location, Instant createdAt) {
        this.directory = directory;
        this.keyPem = encryptedKeyPem;
        this.location = location;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getDirectory() { return directory; }
    public String getKeyPem() { return keyPem; }
    public String getLocation() { return location; }
}
