-- The reseller program: the provider's program settings (one row), applications from prospective
-- resellers, and each reseller's profile (company details, tier, discount policy, admin notes).
-- Percentages are numeric(7, 4) like the rest of billing; thresholds are money, beside their currency.
-- Written for PostgreSQL; the embedded H2 runs it in PostgreSQL mode.

-- one row: whether applications are taken and approved without review, the default fixed discount,
-- the turnover from which each tier begins (in tier_currency), and the application form's extra
-- questions, one label per line
create table reseller_program (
    id                  bigint         not null primary key,
    enabled             boolean        not null,
    auto_approve        boolean        not null,
    default_discount    numeric(7, 4)  default 10 not null,
    silver_from         numeric(19, 4) not null,
    gold_from           numeric(19, 4) not null,
    platinum_from       numeric(19, 4) not null,
    diamond_from        numeric(19, 4) not null,
    tier_currency       varchar(3)     not null,
    application_fields  varchar(4000)  not null,
    version             bigint         not null
);
insert into reseller_program (id, enabled, auto_approve, default_discount, silver_from, gold_from, platinum_from,
        diamond_from, tier_currency, application_fields, version)
    values (1, true, false, 10, 1000, 5000, 20000, 50000, 'USD', '', 0);

-- one per reseller: tier BRONZE … DIAMOND (stored by the daily recompute), discount_policy FIXED, VOLUME
-- or TURNOVER, discount_percent the reseller's own fixed percentage (null: the program's default);
-- admin_notes are read by provider staff only
create table reseller_profile (
    tenant_id            bigint         not null primary key references tenant (id),
    company_name         varchar(160)   not null,
    registration_number  varchar(64),
    tax_id               varchar(64),
    address              varchar(500),
    tier                 varchar(16)    not null,
    discount_policy      varchar(16)    not null,
    discount_percent     numeric(7, 4),
    admin_notes          varchar(4000),
    tier_checked_on      date,
    version              bigint         not null
);

-- resellers that exist already join the program on its defaults
insert into reseller_profile (tenant_id, company_name, tier, discount_policy, version)
    select t.id, t.name, 'BRONZE', 'FIXED', 0 from tenant t where t.kind = 'RESELLER';

-- an application to the program, sent from the provider's public host by someone without an account;
-- status SUBMITTED, MORE_INFO, APPROVED or REJECTED. The applicant follows it through a private link:
-- only the SHA-256 of its token is kept, and each review replaces it. tenant_id is the reseller an
-- approval created. Applications are the provider's: the table has no owning tenant.
create table reseller_application (
    id                   bigint         not null primary key,
    status               varchar(16)    not null,
    business_name        varchar(120)   not null,
    registration_number  varchar(64)    not null,
    tax_id               varchar(64)    not null,
    description          varchar(4000)  not null,
    contact_name         varchar(160)   not null,
    contact_email        varchar(254)   not null,
    desired_slug         varchar(64)    not null,
    -- answers to the extra questions: one line each, label and answer separated by a tab
    extra_answers        varchar(8000),
    -- written for the applicant, who reads it
    review_note          varchar(4000),
    token_hash           varchar(64)    not null,
    locale               varchar(16)    not null,
    client_address       varchar(64),
    reviewed_by          varchar(254),
    reviewed_at          timestamp,
    tenant_id            bigint         references tenant (id),
    created_at           timestamp      not null,
    submitted_at         timestamp      not null,
    version              bigint         not null,
    constraint reseller_application_token_uk unique (token_hash)
);
create index reseller_application_status_ix on reseller_application (status, submitted_at, id);
create index reseller_application_email_ix on reseller_application (contact_email, status);
create index reseller_application_slug_ix on reseller_application (desired_slug, status);
create index reseller_application_client_ix on reseller_application (client_address, created_at);
