-- The reseller API (/api/v1 on the reseller's own domains): keys, the provider's rate limits per
-- reseller, idempotent POSTs, and webhooks with their delivery outbox.
-- Written for PostgreSQL; the embedded H2 runs it in PostgreSQL mode.

-- a reseller admin's API key: only the SHA-256 of the secret is kept; the prefix identifies it in lists and logs
create table api_key (
    id                 bigint        not null primary key,
    tenant_id          bigint        not null references tenant (id),
    name               varchar(80)   not null,
    prefix             varchar(16)   not null,
    secret_hash        varchar(64)   not null,
    -- space-separated, e.g. "customers:read orders:write"
    scopes             varchar(500)  not null,
    -- space-separated addresses or CIDR blocks the key may be used from; null means anywhere
    allowed_addresses  varchar(1000),
    expires_at         timestamp,
    -- the admin who made it: services that need a person (a ticket reply's author) act as this user
    created_by_user_id bigint        not null references app_user (id),
    created_by         varchar(254)  not null,
    created_at         timestamp     not null,
    last_used_at       timestamp,
    request_count      bigint        not null,
    revoked_at         timestamp,
    version            bigint        not null,
    constraint api_key_prefix_uk unique (prefix)
);
create index api_key_tenant_ix on api_key (tenant_id, id);

-- the provider's limits for one reseller's API traffic; no row means the installation's defaults
create table api_limit (
    tenant_id            bigint   not null primary key references tenant (id),
    requests_per_minute  integer  not null,
    burst                integer  not null,
    version              bigint   not null
);

-- a POST's Idempotency-Key: written in the transaction of the change it made, with the answer it gave,
-- so a retried request replays that answer instead of changing anything twice
create table api_idempotency (
    id            bigint         not null primary key,
    tenant_id     bigint         not null references tenant (id),
    key_id        bigint         not null references api_key (id),
    idem_key      varchar(200)   not null,
    request_hash  varchar(64)    not null,
    status        integer        not null,
    body          text,
    location      varchar(500),
    created_at    timestamp      not null,
    constraint api_idempotency_uk unique (key_id, idem_key)
);
create index api_idempotency_tenant_ix on api_idempotency (tenant_id, created_at);

-- where a reseller wants to hear of events, and the secret its deliveries are signed with
create table webhook_endpoint (
    id             bigint         not null primary key,
    tenant_id      bigint         not null references tenant (id),
    url            varchar(2000)  not null,
    secret_sealed  varchar(1000)  not null,
    events         varchar(500)   not null,
    active         boolean        not null,
    created_at     timestamp      not null,
    version        bigint         not null
);
create index webhook_endpoint_tenant_ix on webhook_endpoint (tenant_id, id);

-- one event to one endpoint: retried with back-off until delivered or given up
create table webhook_delivery (
    id               bigint         not null primary key,
    tenant_id        bigint         not null references tenant (id),
    endpoint_id      bigint         not null references webhook_endpoint (id),
    event_id         varchar(64)    not null,
    event            varchar(64)    not null,
    payload          text           not null,
    status           varchar(16)    not null,
    attempts         integer        not null,
    next_attempt_at  timestamp      not null,
    last_status      integer,
    last_error       varchar(1000),
    delivered_at     timestamp,
    created_at       timestamp      not null,
    version          bigint         not null,
    constraint webhook_delivery_uk unique (endpoint_id, event_id)
);
create index webhook_delivery_tenant_ix on webhook_delivery (tenant_id, id);
create index webhook_delivery_due_ix on webhook_delivery (status, next_attempt_at);
