-- Domain onboarding: a reseller brings its own portal host and mail domain; Marque tells it which DNS
-- records to create, checks them with real DNS queries, routes the host once its ownership is proven,
-- obtains a TLS certificate by ACME and DKIM-signs the reseller's mail.
-- Written for PostgreSQL; the embedded H2 runs it in PostgreSQL mode.

-- a host a reseller claims; it leads to the reseller (a row in domain) only once the ownership record
-- is found, so a pending claim blocks no one: two resellers may claim one host, the first proof wins
create table custom_domain (
    id              bigint        not null primary key,
    tenant_id       bigint        not null references tenant (id),
    host            varchar(253)  not null,
    -- where the reseller's mail comes from (From, envelope sender, Message-ID, DKIM d=); null for none
    mail_domain     varchar(253),
    -- the value the ownership TXT record must hold; one per claim, so one reseller's record proves nothing for another
    token           varchar(64)   not null,
    -- PENDING (ownership not proven), ACTIVE, ATTENTION (a record found before is gone or wrong)
    status          varchar(16)   not null,
    -- why a proven claim could not be routed (the host is in use), shown to the reseller
    problem         varchar(80),
    -- the routing row made when ownership was proven
    domain_id       bigint        references domain (id),
    dkim_selector   varchar(32),
    -- PKCS#8 PEM, encrypted with the installation's secret key
    dkim_key        text,
    dkim_public_key varchar(1000),
    created_at      timestamp     not null,
    verified_at     timestamp,
    checked_at      timestamp,
    next_check_at   timestamp     not null,
    -- checks in a row that changed nothing for a pending claim: the back-off grows with them
    idle_checks     integer       not null,
    version         bigint        not null,
    constraint custom_domain_uk unique (tenant_id, host)
);
create index custom_domain_due_ix on custom_domain (next_check_at);
create index custom_domain_host_ix on custom_domain (host);

-- one DNS record a claim needs, with what the last check found
create table custom_domain_record (
    id               bigint         not null primary key,
    custom_domain_id bigint         not null references custom_domain (id) on delete cascade,
    -- PORTAL, OWNERSHIP, SPF, DKIM, DMARC
    kind             varchar(16)    not null,
    name             varchar(253)   not null,
    type             varchar(8)     not null,
    expected         varchar(2000)  not null,
    -- PENDING (nothing there), FOUND, WRONG (something else there: found says what)
    state            varchar(8)     not null,
    found            varchar(2000),
    -- found at least once: missing later turns an active domain to ATTENTION
    ever_found       boolean        not null,
    checked_at       timestamp,
    constraint custom_domain_record_uk unique (custom_domain_id, kind)
);

-- the TLS certificate of a proven host, obtained by ACME; the key encrypted like every secret
create table domain_certificate (
    id               bigint         not null primary key,
    custom_domain_id bigint         not null references custom_domain (id) on delete cascade,
    -- WAITING (for the portal record), ISSUING, ISSUED, FAILED
    status           varchar(16)    not null,
    chain_pem        text,
    key_pem          text,
    serial           varchar(80),
    not_before       timestamp,
    not_after        timestamp,
    issued_at        timestamp,
    last_error       varchar(1000),
    attempts         integer        not null,
    next_attempt_at  timestamp      not null,
    version          bigint         not null,
    constraint domain_certificate_uk unique (custom_domain_id)
);
create index domain_certificate_due_ix on domain_certificate (next_attempt_at);

-- the installation's account with an ACME directory (its key encrypted)
create table acme_account (
    id          bigint        not null primary key,
    directory   varchar(500)  not null,
    key_pem     text          not null,
    location    varchar(500),
    created_at  timestamp     not null,
    constraint acme_account_uk unique (directory)
);

-- an HTTP-01 challenge the portal answers at /.well-known/acme-challenge/<token> while an order is open
create table acme_challenge (
    token       varchar(128)  not null primary key,
    host        varchar(253)  not null,
    content     varchar(512)  not null,
    created_at  timestamp     not null
);
