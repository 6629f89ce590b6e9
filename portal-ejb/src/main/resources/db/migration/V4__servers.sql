-- Server management: the provider's inventory (with its internal data: rack, BMC, upstream id, cost),
-- assignment to a reseller (server.tenant_id) and its customer, public addresses with their reverse
-- DNS, OS templates (the reseller may hide some), jobs (one active per server), traffic samples and
-- abuse reports. The reseller's contacts for abuse notices live on its tenant row.
-- Written for PostgreSQL; the embedded H2 runs it in PostgreSQL mode.

alter table tenant add column contact_email varchar(254);
alter table tenant add column abuse_email varchar(254);

create table server (
    id                   bigint         not null primary key,
    -- the reseller the server is assigned to; null while it is in the provider's pool
    tenant_id            bigint         references tenant (id),
    customer_id          bigint         references customer (id),
    hostname             varchar(253)   not null,
    cpu                  varchar(200)   not null,
    ram_gb               integer        not null,
    disks                varchar(200)   not null,
    location             varchar(200)   not null,
    os                   varchar(200)   not null,
    driver               varchar(16)    not null,
    -- provider-internal: never shown outside the provider area
    rack                 varchar(100),
    bmc_host             varchar(253),
    bmc_port             integer        not null,
    bmc_user             varchar(100),
    bmc_password_sealed  varchar(1000),
    upstream_id          varchar(100),
    monthly_cost         numeric(12, 2),
    cost_currency        varchar(3),
    -- the reseller's own
    reseller_label       varchar(120),
    reseller_notes       varchar(4000),
    -- ACTIVE, SUSPENDED or TERMINATED; a suspension has a cause and the reseller's words for its customer
    status               varchar(16)    not null,
    suspension_cause     varchar(16),
    suspension_note      varchar(1000),
    -- the power state last read from the device, and when
    power_state          varchar(8),
    power_read_at        timestamp,
    -- the job queued or running on this server: at most one (taken under this row's lock)
    active_job_id        bigint,
    -- the interface counters at the last traffic sample
    traffic_rx_counter   bigint,
    traffic_tx_counter   bigint,
    created_at           timestamp      not null,
    version              bigint         not null
);
create index server_tenant_ix on server (tenant_id, customer_id, id);
create index server_hostname_ix on server (hostname);

create table server_address (
    id              bigint        not null primary key,
    server_id       bigint        not null references server (id),
    address         varchar(45)   not null,
    family          integer       not null,
    ptr             varchar(253),
    ptr_updated_at  timestamp,
    constraint server_address_uk unique (address)
);
create index server_address_server_ix on server_address (server_id, id);

create table os_template (
    id         bigint        not null primary key,
    code       varchar(50)   not null,
    name       varchar(120)  not null,
    active     boolean       not null,
    position   integer       not null,
    version    bigint        not null,
    constraint os_template_code_uk unique (code)
);

-- templates a reseller does not offer its customers
create table os_template_hidden (
    tenant_id    bigint  not null references tenant (id),
    template_id  bigint  not null references os_template (id),
    primary key (tenant_id, template_id)
);

create table server_job (
    id               bigint         not null primary key,
    server_id        bigint         not null references server (id),
    -- the reseller the server belonged to when the job was asked for; null for a pool server
    tenant_id        bigint         references tenant (id),
    action           varchar(16)    not null,
    template_code    varchar(50),
    state            varchar(16)    not null,
    progress         integer        not null,
    stage            varchar(80),
    -- a message key for everyone; the technical cause is for the provider only
    failure_key      varchar(80),
    failure_detail   varchar(2000),
    requested_kind   varchar(16)    not null,
    requested_by     bigint,
    requested_email  varchar(254)   not null,
    created_at       timestamp      not null,
    started_at       timestamp,
    finished_at      timestamp,
    version          bigint         not null
);
create index server_job_server_ix on server_job (server_id, id);
create index server_job_state_ix on server_job (state, id);

-- bytes through the server's public interface in the interval ending at sampled_at
create table traffic_sample (
    server_id    bigint     not null references server (id),
    sampled_at   timestamp  not null,
    rx_bytes     bigint     not null,
    tx_bytes     bigint     not null,
    primary key (server_id, sampled_at)
);

create table abuse_report (
    id                 bigint          not null primary key,
    tenant_id          bigint          not null references tenant (id),
    server_id          bigint          not null references server (id),
    evidence           varchar(20000)  not null,
    deadline           timestamp       not null,
    -- OPEN, RESOLVED, SUSPENDED (deadline passed), TERMINATED, WITHDRAWN
    state              varchar(16)     not null,
    reseller_response  varchar(4000),
    created_at         timestamp       not null,
    responded_at       timestamp,
    closed_at          timestamp,
    version            bigint          not null
);
create index abuse_report_tenant_ix on abuse_report (tenant_id, id);
create index abuse_report_due_ix on abuse_report (state, deadline);
