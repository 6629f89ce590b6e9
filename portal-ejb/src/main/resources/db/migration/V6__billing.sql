-- Billing: the provider's catalogue and list prices, each reseller's own prices, orders on behalf of
-- customers, the services they become, invoices both ways (reseller → customer at the reseller's
-- prices; provider → reseller at wholesale, consolidated monthly), accounts with a ledger, and
-- payments. Money is exact: numeric, never floating point, always beside its currency; amounts of two
-- currencies are never added (law 6).
-- Every tenant-owned table leads its indexes with tenant_id; tenant_id is always the reseller whose
-- business the row is (the provider's invoices to a reseller too).
-- Written for PostgreSQL; the embedded H2 runs it in PostgreSQL mode.

alter table customer add column currency varchar(3);

-- the provider's products: server plans and the add-ons that go with them
create table product (
    id           bigint        not null primary key,
    code         varchar(40)   not null,
    name         varchar(120)  not null,
    description  varchar(1000) not null,
    -- VPS, DEDICATED, SSL or OTHER: what the discount tables tell apart
    category     varchar(16)   not null,
    -- PLAN (a server) or ADDON (an extra IP, RAM, a control panel licence)
    kind         varchar(16)   not null,
    -- a plan is provisioned from the pool with a server of at least this much memory
    min_ram_gb   integer,
    active       boolean       not null,
    created_at   timestamp     not null,
    version      bigint        not null,
    constraint product_code_uk unique (code)
);

-- the provider's list price of a product per billing cycle and currency; wholesale = list − discount
create table product_price (
    id          bigint         not null primary key,
    product_id  bigint         not null references product (id),
    cycle       varchar(16)    not null,
    currency    varchar(3)     not null,
    amount      numeric(19, 4) not null,
    constraint product_price_uk unique (product_id, cycle, currency)
);

-- a reseller's own price to its customers
create table reseller_price (
    id          bigint         not null primary key,
    tenant_id   bigint         not null references tenant (id),
    product_id  bigint         not null references product (id),
    cycle       varchar(16)    not null,
    currency    varchar(3)     not null,
    amount      numeric(19, 4) not null,
    constraint reseller_price_uk unique (tenant_id, product_id, cycle, currency)
);

-- how a tenant bills: numbering, tax line, terms and late fee (a reseller for its customers; the
-- provider's row for its invoices to resellers)
create table billing_settings (
    tenant_id           bigint         not null primary key references tenant (id),
    invoice_prefix      varchar(16)    not null,
    next_number         bigint         not null,
    tax_label           varchar(40),
    tax_rate            numeric(7, 4)  not null,
    payment_terms_days  integer        not null,
    late_fee            numeric(19, 4) not null,
    bank_details        varchar(1000),
    version             bigint         not null
);

-- a balance: a customer's with its reseller (customer_key = customer id), or a reseller's with the
-- provider (customer_key = 0); one per holder and currency (a reseller whose customers pay in two
-- currencies owes the provider in both, and pays each from a balance in that currency)
create table account (
    id            bigint         not null primary key,
    tenant_id     bigint         not null references tenant (id),
    customer_id   bigint         references customer (id),
    customer_key  bigint         not null,
    currency      varchar(3)     not null,
    balance       numeric(19, 4) not null,
    version       bigint         not null,
    constraint account_holder_uk unique (tenant_id, customer_key, currency)
);

-- money added through a payment method: pending until staff confirm it (bank transfer) or the gateway does
create table payment (
    id          bigint         not null primary key,
    tenant_id   bigint         not null references tenant (id),
    account_id  bigint         not null references account (id),
    method      varchar(32)    not null,
    status      varchar(16)    not null,
    amount      numeric(19, 4) not null,
    currency    varchar(3)     not null,
    reference   varchar(64)    not null,
    created_at  timestamp      not null,
    decided_at  timestamp,
    decided_by  varchar(254),
    version     bigint         not null,
    constraint payment_reference_uk unique (reference)
);
create index payment_tenant_ix on payment (tenant_id, status, id);

create table invoice (
    id                  bigint         not null primary key,
    tenant_id           bigint         not null references tenant (id),
    -- the tenant whose series numbers it: the reseller for CUSTOMER and CREDIT_NOTE, the provider for WHOLESALE
    issuer_tenant_id    bigint         not null references tenant (id),
    kind                varchar(16)    not null,
    customer_id         bigint         references customer (id),
    number              varchar(40)    not null,
    currency            varchar(3)     not null,
    subtotal            numeric(19, 4) not null,
    tax_label           varchar(40),
    tax_rate            numeric(7, 4)  not null,
    tax_amount          numeric(19, 4) not null,
    late_fee            numeric(19, 4) not null,
    total               numeric(19, 4) not null,
    status              varchar(16)    not null,
    issued_on           date           not null,
    due_on              date           not null,
    extended_to         date,
    -- the last dunning step taken: NONE, REMINDED, OVERDUE, LATE_FEE, SUSPENDED, TERMINATED
    dunning_step        varchar(16)    not null,
    paid_at             timestamp,
    -- a wholesale invoice consolidates one month (yyyy-MM): one per reseller, month and currency
    period              varchar(7),
    credited_invoice_id bigint         references invoice (id),
    created_at          timestamp      not null,
    version             bigint         not null,
    constraint invoice_number_uk unique (issuer_tenant_id, number),
    constraint invoice_period_uk unique (tenant_id, kind, period, currency)
);
create index invoice_tenant_ix on invoice (tenant_id, kind, customer_id, id);
create index invoice_due_ix on invoice (status, due_on);

create table customer_order (
    id              bigint         not null primary key,
    tenant_id       bigint         not null references tenant (id),
    customer_id     bigint         not null references customer (id),
    product_id      bigint         not null references product (id),
    cycle           varchar(16)    not null,
    currency        varchar(3)     not null,
    retail_total    numeric(19, 4) not null,
    wholesale_total numeric(19, 4) not null,
    -- the wholesale amounts are in the reseller's currency too
    status          varchar(16)    not null,
    invoice_id      bigint         references invoice (id),
    note            varchar(1000),
    created_by      varchar(254)   not null,
    created_at      timestamp      not null,
    paid_at         timestamp,
    provisioned_at  timestamp,
    cancelled_at    timestamp,
    version         bigint         not null
);
create index customer_order_tenant_ix on customer_order (tenant_id, customer_id, id);
create index customer_order_status_ix on customer_order (status, id);

-- one product of an order: the plan, then its add-ons, each with its retail, list and wholesale price
create table order_line (
    id                bigint         not null primary key,
    tenant_id         bigint         not null references tenant (id),
    order_id          bigint         not null references customer_order (id),
    position          integer        not null,
    product_id        bigint         not null references product (id),
    add_on            boolean        not null,
    category          varchar(16)    not null,
    description       varchar(200)   not null,
    retail_amount     numeric(19, 4) not null,
    list_amount       numeric(19, 4) not null,
    discount_percent  numeric(7, 4)  not null,
    wholesale_amount  numeric(19, 4) not null
);
create index order_line_tenant_ix on order_line (tenant_id, order_id, position);

-- what a provisioned order became: a server in service, billed every cycle to the customer at the
-- reseller's price and to the reseller at wholesale
create table hosting_service (
    id                 bigint         not null primary key,
    tenant_id          bigint         not null references tenant (id),
    customer_id        bigint         not null references customer (id),
    order_id           bigint         not null references customer_order (id),
    product_id         bigint         not null references product (id),
    server_id          bigint         references server (id),
    cycle              varchar(16)    not null,
    currency           varchar(3)     not null,
    retail_amount      numeric(19, 4) not null,
    wholesale_amount   numeric(19, 4) not null,
    status             varchar(16)    not null,
    started_on         date           not null,
    -- the customer's next renewal, and the first day not yet billed to the reseller
    next_due_on        date           not null,
    next_wholesale_on  date           not null,
    created_at         timestamp      not null,
    version            bigint         not null
);
create index hosting_service_tenant_ix on hosting_service (tenant_id, customer_id, id);
create index hosting_service_due_ix on hosting_service (status, next_due_on);

create table invoice_line (
    id           bigint         not null primary key,
    tenant_id    bigint         not null references tenant (id),
    invoice_id   bigint         not null references invoice (id),
    position     integer        not null,
    description  varchar(300)   not null,
    category     varchar(16)    not null,
    quantity     integer        not null,
    unit_amount  numeric(19, 4) not null,
    amount       numeric(19, 4) not null,
    order_id     bigint         references customer_order (id),
    service_id   bigint         references hosting_service (id)
);
create index invoice_line_tenant_ix on invoice_line (tenant_id, invoice_id, position);
create index invoice_line_service_ix on invoice_line (service_id);

-- every change of a balance, with the balance after it: a balance is always the sum of its entries
create table ledger_entry (
    id             bigint         not null primary key,
    tenant_id      bigint         not null references tenant (id),
    account_id     bigint         not null references account (id),
    kind           varchar(16)    not null,
    amount         numeric(19, 4) not null,
    balance_after  numeric(19, 4) not null,
    currency       varchar(3)     not null,
    invoice_id     bigint         references invoice (id),
    payment_id     bigint         references payment (id),
    note           varchar(300),
    actor          varchar(254)   not null,
    created_at     timestamp      not null
);
create index ledger_entry_tenant_ix on ledger_entry (tenant_id, account_id, id);
create index ledger_entry_kind_ix on ledger_entry (tenant_id, kind, created_at);
