-- Private-label ticketing: departments, SLA targets and ticket settings per reseller, tickets with
-- their messages (each with a visibility), attachments stored beside their rows, canned replies, and
-- the log of mail that arrived for a reseller.
-- Written for PostgreSQL; the embedded H2 runs it in PostgreSQL mode. Full-text search columns are
-- PostgreSQL-only (db/vendor/postgresql).

-- one row per tenant: who provider replies appear as, the escalation defaults, business hours, the
-- ticket number counter (taken under a row lock, so numbers are gapless per tenant)
create table ticket_settings (
    tenant_id            bigint       not null primary key references tenant (id),
    provider_alias       varchar(80)  not null,
    provider_may_reply   boolean      not null,
    share_customer       boolean      not null,
    business_days        varchar(20)  not null,
    opens_at             varchar(5)   not null,
    closes_at            varchar(5)   not null,
    next_number          bigint       not null,
    version              bigint       not null
);

create table sla_target (
    tenant_id               bigint      not null references tenant (id),
    priority                varchar(16) not null,
    first_response_minutes  integer     not null,
    resolution_minutes      integer     not null,
    primary key (tenant_id, priority)
);

create table department (
    id          bigint       not null primary key,
    tenant_id   bigint       not null references tenant (id),
    name        varchar(80)  not null,
    active      boolean      not null,
    position    integer      not null,
    created_at  timestamp    not null,
    version     bigint       not null,
    constraint department_name_uk unique (tenant_id, name)
);

create table ticket (
    id                    bigint        not null primary key,
    tenant_id             bigint        not null references tenant (id),
    number                bigint        not null,
    customer_id           bigint        not null references customer (id),
    department_id         bigint        not null references department (id),
    subject               varchar(200)  not null,
    priority              varchar(16)   not null,
    status                varchar(24)   not null,
    assignee_id           bigint        references app_user (id),
    related_service       varchar(120),
    tags                  varchar(400)  not null,
    reply_token           varchar(40)   not null,
    created_at            timestamp     not null,
    updated_at            timestamp     not null,
    first_response_due    timestamp,
    first_response_at     timestamp,
    resolution_due        timestamp,
    resolved_at           timestamp,
    -- when the reseller must act next (the SLA clock that runs); far in the future when it need not
    queue_due             timestamp     not null,
    escalation_state      varchar(16)   not null,
    escalation_reason     varchar(2000),
    escalated_at          timestamp,
    provider_may_reply    boolean       not null,
    share_customer        boolean       not null,
    customer_pseudonym    varchar(32),
    rating                integer,
    rating_comment        varchar(1000),
    merged_into_id        bigint        references ticket (id),
    thread_message_id     varchar(254),
    version               bigint        not null,
    constraint ticket_number_uk unique (tenant_id, number),
    constraint ticket_reply_token_uk unique (reply_token)
);
create index ticket_customer_ix on ticket (tenant_id, customer_id, id desc);
create index ticket_queue_ix on ticket (tenant_id, queue_due, id);
create index ticket_assignee_ix on ticket (tenant_id, assignee_id, queue_due, id);
create index ticket_escalation_ix on ticket (escalation_state, queue_due, id);

create table ticket_message (
    id                 bigint         not null primary key,
    tenant_id          bigint         not null references tenant (id),
    ticket_id          bigint         not null references ticket (id),
    author_kind        varchar(16)    not null,
    author_user_id     bigint         references app_user (id),
    -- the author's own name: shown to its own side only (a provider agent's name never leaves the provider)
    author_name        varchar(160)   not null,
    -- the name the other sides see: the customer's, the reseller agent's, or the reseller's alias
    public_name        varchar(160)   not null,
    visibility         varchar(16)    not null,
    body               varchar(20000) not null,
    source             varchar(8)     not null,
    mail_message_id    varchar(254),
    created_at         timestamp      not null
);
create index ticket_message_ticket_ix on ticket_message (tenant_id, ticket_id, id);
create unique index ticket_message_mail_uk on ticket_message (tenant_id, mail_message_id);

create table attachment (
    id            bigint        not null primary key,
    tenant_id     bigint        not null references tenant (id),
    ticket_id     bigint        not null references ticket (id),
    message_id    bigint        not null references ticket_message (id),
    file_name     varchar(160)  not null,
    content_type  varchar(64)   not null,
    size_bytes    bigint        not null,
    sha256        varchar(64)   not null,
    created_at    timestamp     not null
);
create index attachment_message_ix on attachment (tenant_id, message_id);

-- the bytes live in a table of their own, read only when a file is downloaded
create table attachment_content (
    attachment_id  bigint  not null primary key references attachment (id),
    bytes          bytea   not null
);

create table canned_reply (
    id          bigint         not null primary key,
    tenant_id   bigint         not null references tenant (id),
    title       varchar(120)   not null,
    body        varchar(10000) not null,
    created_at  timestamp      not null,
    version     bigint         not null,
    constraint canned_reply_title_uk unique (tenant_id, title)
);

-- every mail that reached a reseller's support address, and what became of it; the unique key makes
-- a mail fetched twice (a crash between commit and marking it read) land once
create table inbound_mail (
    id           bigint         not null primary key,
    tenant_id    bigint         not null references tenant (id),
    message_id   varchar(254)   not null,
    sender       varchar(254)   not null,
    subject      varchar(400)   not null,
    outcome      varchar(32)    not null,
    ticket_id    bigint         references ticket (id),
    detail       varchar(1000),
    received_at  timestamp      not null,
    constraint inbound_mail_uk unique (tenant_id, message_id)
);
create index inbound_mail_tenant_ix on inbound_mail (tenant_id, id desc);

-- a reseller's own mailbox: IMAP to fetch replies and new tickets from, and optionally its own SMTP
-- relay (otherwise the provider's relay sends as the reseller's address). Passwords are encrypted.
create table mailbox (
    tenant_id             bigint        not null primary key references tenant (id),
    imap_host             varchar(253),
    imap_port             integer       not null,
    imap_tls              boolean       not null,
    imap_user             varchar(254),
    imap_password         varchar(1000),
    imap_folder           varchar(120)  not null,
    smtp_host             varchar(253),
    smtp_port             integer       not null,
    smtp_starttls         boolean       not null,
    smtp_user             varchar(254),
    smtp_password         varchar(1000),
    last_polled_at        timestamp,
    last_error            varchar(1000),
    version               bigint        not null
);

-- tickets need settings, SLA targets and a department for every reseller that already exists
insert into ticket_settings (tenant_id, provider_alias, provider_may_reply, share_customer, business_days,
        opens_at, closes_at, next_number, version)
    select t.id, b.display_name || ' Support', false, false, '1,2,3,4,5', '09:00', '18:00', 1, 0
    from tenant t join brand b on b.tenant_id = t.id where t.kind = 'RESELLER';
insert into sla_target (tenant_id, priority, first_response_minutes, resolution_minutes)
    select t.id, p.priority, p.first_response, p.resolution from tenant t cross join (
        select 'URGENT' as priority, 60 as first_response, 480 as resolution
        union all select 'HIGH', 240, 1440
        union all select 'NORMAL', 480, 2880
        union all select 'LOW', 1440, 5760) p
    where t.kind = 'RESELLER';
insert into department (id, tenant_id, name, active, position, created_at, version)
    select nextval('marque_seq'), t.id, 'Support', true, 1, current_timestamp, 0 from tenant t where t.kind = 'RESELLER';
