package io.marque.portal.domains;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An open HTTP-01 challenge: the CA fetches {@code /.well-known/acme-challenge/<token>} on the host. */
@Entity
@Table(name = "acme_challenge")
public class AcmeChallenge {

    @Id
    private String token;

    @Column(nullable = false)
    private String host;

    @Column(nullable = false)
    private String content;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AcmeChallenge() {
    }

    public AcmeChallenge(String token, String host, String content, Instant createdAt) {
        this.token = token;
        this.host = host;
        this.content = content;
        this.createdAt = createdAt;
    }

    public String getToken() { return token; }
    public String getHost() { return host; }
    public String getContent() { return content; }
    public Instant getCreatedAt() { return createdAt; }
}
