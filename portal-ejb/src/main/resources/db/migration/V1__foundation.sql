-- Marque foundation schema: tenants and their domains and brands, users, sign-in state,
-- password reset tokens, the activity log and the mail outbox.
-- Written for PostgreSQL; the embedded H2 runs it in PostgreSQL mode.
-- Every tenant-owned table leads its indexes with tenant_id.

create sequence marque_seq start with 1000 increment by 50;

create table tenant (
    id              bigint       not null primary key,
    kind            varchar(16)  not null,
    slug            varchar(64)  not null,
    name            varchar(120) not null,
    status          varchar(16)  not null,
    theme           varchar(64)  not null,
    default_locale  varchar(16)  not null,
    time_zone       varchar(64)  not null,
    currency        varchar(3)   not null,
    signup_enabled  boolean      not null,
    customer_totp   boolean      not null,
    created_at      timestamp    not null,
    version         bigint       not null,
    constraint tenant_slug_uk unique (slug)
);

create table domain (
    id          bigint       not null primary key,
    tenant_id   bigint       not null references tenant (id),
    host        varchar(253) not null,
    is_primary  boolean      not null,
    created_at  timestamp    not null,
    constraint domain_host_uk unique (host)
);
create index domain_tenant_ix on domain (tenant_id, host);

create table asset (
    id            bigint       not null primary key,
    tenant_id     bigint       not null references tenant (id),
    content_type  varchar(64)  not null,
    sha256        varchar(64)  not null,
    bytes         bytea        not null,
    created_at    timestamp    not null
);
create index asset_tenant_ix on asset (tenant_id, sha256);

create table brand (
    tenant_id       bigint        not null primary key references tenant (id),
    display_name    varchar(120)  not null,
    support_email   varchar(254)  not null,
    color_primary   varchar(7)    not null,
    color_accent    varchar(7)    not null,
    footer_text     varchar(500)  not null,
    custom_css      varchar(20000) not null,
    logo_asset_id   bigint        references asset (id),
    updated_at      timestamp     not null,
    version         bigint        not null
);

create table customer (
    id          bigint       not null primary key,
    tenant_id   bigint       not null references tenant (id),
    name        varchar(160) not null,
    company     varchar(160),
    email       varchar(254) not null,
    status      varchar(16)  not null,
    created_at  timestamp    not null,
    version     bigint       not null
);
create index customer_tenant_ix on customer (tenant_id, id);
create index customer_tenant_email_ix on customer (tenant_id, email);

create table app_user (
    id               bigint       not null primary key,
    tenant_id        bigint       not null references tenant (id),
    customer_id      bigint       references customer (id),
    email            varchar(254) not null,
    display_name     varchar(160) not null,
    password_hash    varchar(200),
    roles            varchar(200) not null,
    status           varchar(16)  not null,
    locale           varchar(16),
    totp_secret      varchar(64),
    totp_enabled     boolean      not null,
    totp_last_step   bigint,
    failed_logins    integer      not null,
    last_failure_at  timestamp,
    locked_until     timestamp,
    last_login_at    timestamp,
    created_at       timestamp    not null,
    version          bigint       not null,
    constraint app_user_tenant_email_uk unique (tenant_id, email)
);
create index app_user_tenant_ix on app_user (tenant_id, id);

-- failed sign-ins per client address within a tenant: throttles guessing across many accounts
create table login_throttle (
    id               bigint      not null primary key,
    tenant_id        bigint      not null references tenant (id),
    client_address   varchar(64) not null,
    failures         integer     not null,
    last_failure_at  timestamp   not null,
    locked_until     timestamp,
    constraint login_throttle_uk unique (tenant_id, client_address)
);

create table password_reset_token (
    id          bigint      not null primary key,
    tenant_id   bigint      not null references tenant (id),
    user_id     bigint      not null references app_user (id),
    token_hash  varchar(64) not null,
    purpose     varchar(16) not null,
    expires_at  timestamp   not null,
    used_at     timestamp,
    created_at  timestamp   not null,
    constraint password_reset_token_uk unique (token_hash)
);
create index password_reset_token_tenant_ix on password_reset_token (tenant_id, user_id);

create table activity (
    id              bigint        not null primary key,
    tenant_id       bigint        not null references tenant (id),
    actor_user_id   bigint,
    actor           varchar(254)  not null,
    action          varchar(64)   not null,
    target          varchar(254),
    detail          varchar(1000),
    client_address  varchar(64),
    created_at      timestamp     not null
);
create index activity_tenant_ix on activity (tenant_id, id desc);

create table outbox_mail (
    id               bigint        not null primary key,
    tenant_id        bigint        not null references tenant (id),
    message_id       varchar(254)  not null,
    sender           varchar(254)  not null,
    recipient        varchar(254)  not null,
    subject          varchar(400)  not null,
    mime             bytea         not null,
    status           varchar(16)   not null,
    attempts         integer       not null,
    next_attempt_at  timestamp     not null,
    sent_at          timestamp,
    last_error       varchar(1000),
    created_at       timestamp     not null,
    version          bigint        not null,
    constraint outbox_mail_message_uk unique (message_id)
);
create index outbox_mail_due_ix on outbox_mail (status, next_attempt_at);
