package io.marque.portal.server;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An operating system the provider offers for reinstalls; a reseller may hide it from its customers. */
@Entity
@Table(name = "os_template")
@NamedQuery(name = "OsTemplate.all", query = "select t from OsTemplate t order by t.position, t.name")
@NamedQuery(name = "OsTemplate.byCode", query = "select t from OsTemplate t where t.code = :code")
public class OsTemplate {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean active = true;

    @Column(nullable = false)
    private int position;

    @Version
    private long version;

    protected OsTemplate() {
    }

    public OsTemplate(String code, String name, int position) {
        this.code = code;
        this.name = name;
        this.position = position;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
}
