package io.marque.portal.domains;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One DNS record a claimed domain needs, and what the last check found where it should be. */
@Entity
@Table(name = "custom_domain_record")
public class DomainRecord {

    /** What the record is for; the order is the order the reseller reads them in. */
    public enum Kind {
        /** The portal host's CNAME (or A for an apex) to the provider's neutral target. */
        PORTAL,
        /** The TXT record holding the claim's token: the proof of ownership. */
        OWNERSHIP,
        /** The mail domain's SPF record including the provider's neutral SPF name. */
        SPF,
        /** The mail domain's DKIM public key. */
        DKIM,
        /** A DMARC policy for the mail domain (a suggestion: any policy counts). */
        DMARC
    }

    /** What the last check saw. */
    public enum State {
        /** Nothing there (yet). */
        PENDING,
        FOUND,
        /** Something else there; {@link #getFound()} says what. */
        WRONG
    }

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "custom_domain_id", nullable = false)
    private CustomDomain domain;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String expected;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    private String found;

    @Column(name = "ever_found", nullable = false)
    private boolean everFound;

    @Column(name = "checked_at")
    private Instant checkedAt;

    protected DomainRecord() {
    }

    public DomainRecord(CustomDomain domain, ExpectedRecord expected) {
        this.domain = domain;
        this.kind = expected.kind();
        this.name = expected.name();
        this.type = expected.type();
        this.expected = expected.value();
        this.state = State.PENDING;
    }

    /** Writes a check's outcome; a record seen once is remembered, so losing it later is noticed. */
    public void checked(RecordCheck.Outcome outcome, Instant at) {
        this.state = outcome.state();
        this.found = outcome.found() == null ? null : clip(outcome.found(), 2000);
        this.everFound |= outcome.state() == State.FOUND;
        this.checkedAt = at;
    }

    /** A record found before that is not found now. */
    public boolean isLost() {
        return everFound && state != State.FOUND;
    }

    public Long getId() { return id; }
    public CustomDomain getDomain() { return domain; }
    public Kind getKind() { return kind; }
    public String getName() { return name; }
    public String getType() { return type; }
    public String getExpected() { return expected; }
    public State getState() { return state; }
    public String getFound() { return found; }
    public boolean isEverFound() { return everFound; }
    public Instant getCheckedAt() { return checkedAt; }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
