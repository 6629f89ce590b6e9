-- Seeds the consolidation benchmark (bench/billing.sh) on top of the demo: :resellers reseller tenants
-- (slug bench-r00001 …, brand, domain r00001.bench.localhost), each with one customer and :services
-- running monthly services in EUR, each with the paid and provisioned order it came from (one line: the
-- demo catalogue's VPS S at list 9.00, 10 % off = 8.10 wholesale, 14.90 retail). Every service's
-- next wholesale period starts within the month :month_start (yyyy-mm-01), on day 1 to 28, so the
-- month's consolidation bills each reseller one invoice with :services lines, one per service. The
-- previous month is billed already, as in a running installation: one paid wholesale invoice per
-- reseller with a line per service, numbered in the provider's series (whose next number moves past
-- them), so the invoice tables are not empty when the planner looks at them (with an empty invoice
-- table the foreign key checks of the new lines scan it sequentially, which is not what a production
-- database does).
-- Ids start at 40,000,000,000, far above anything marque_seq (start 1000, increment 50) hands out to the
-- server while it runs, so the sequence does not need to be advanced; the ranges do not overlap those of
-- bench/servers-seed.sql either.
\set ON_ERROR_STOP on
begin;

create temporary table bench_reseller as
  select r, 40000000000 + r as tenant_id, 41000000000 + r as customer_id, 'bench-r' || lpad(r::text, 5, '0') as slug
  from generate_series(1, :resellers) r;

insert into tenant (id, kind, slug, name, status, theme, default_locale, time_zone, currency, signup_enabled,
                    customer_totp, created_at, version, contact_email, abuse_email)
select tenant_id, 'RESELLER', slug, 'Bench Reseller ' || lpad(r::text, 5, '0'), 'ACTIVE', 'base', 'en', 'UTC', 'EUR',
       false, false, now(), 0, 'billing@' || slug || '.example', null
from bench_reseller;

insert into brand (tenant_id, display_name, support_email, color_primary, color_accent, footer_text, custom_css,
                   logo_asset_id, updated_at, version)
select tenant_id, 'Bench Reseller ' || lpad(r::text, 5, '0'), 'support@' || slug || '.example', '#2f6fed', '#f59e0b',
       '© Bench Reseller ' || lpad(r::text, 5, '0'), '', null, now(), 0
from bench_reseller;

insert into domain (id, tenant_id, host, is_primary, created_at)
select 40000000000 + r, tenant_id, 'r' || lpad(r::text, 5, '0') || '.bench.localhost', true, now()
from bench_reseller;

insert into customer (id, tenant_id, name, company, email, status, created_at, version, currency)
select customer_id, tenant_id, 'Bench Customer ' || r, 'Bench Shop ' || r, 'customer@' || slug || '.example', 'ACTIVE',
       now(), 0, 'EUR'
from bench_reseller;

-- one order and one service per (reseller, n); k numbers them 1 … resellers × services
create temporary table bench_service as
  select b.tenant_id, b.customer_id, (b.r - 1) * :services + n as k, n,
         (date :'month_start' + ((n - 1) % 28))::date as next_on
  from bench_reseller b, generate_series(1, :services) n;

insert into customer_order (id, tenant_id, customer_id, product_id, cycle, currency, retail_total, wholesale_total,
                            status, invoice_id, note, created_by, created_at, paid_at, provisioned_at, cancelled_at,
                            version)
select 42000000000 + k, tenant_id, customer_id, (select id from product where code = 'vps-s'), 'MONTHLY', 'EUR',
       14.90, 8.10, 'PROVISIONED', null, null, 'bench', (next_on - interval '1 month')::timestamp,
       (next_on - interval '1 month')::timestamp, (next_on - interval '1 month')::timestamp + interval '5 minutes',
       null, 0
from bench_service;

insert into order_line (id, tenant_id, order_id, position, product_id, add_on, category, description, retail_amount,
                        list_amount, discount_percent, wholesale_amount)
select 44000000000 + k, tenant_id, 42000000000 + k, 1, (select id from product where code = 'vps-s'), false, 'VPS',
       'VPS S', 14.90, 9.00, 10, 8.10
from bench_service;

-- started a month before its next period: the first month was the order's; the customer's and the
-- reseller's next periods start on the same day
insert into hosting_service (id, tenant_id, customer_id, order_id, product_id, server_id, cycle, currency,
                             retail_amount, wholesale_amount, status, started_on, next_due_on, next_wholesale_on,
                             created_at, version)
select 43000000000 + k, tenant_id, customer_id, 42000000000 + k, (select id from product where code = 'vps-s'), null,
       'MONTHLY', 'EUR', 14.90, 8.10, 'ACTIVE', (next_on - interval '1 month')::date, next_on, next_on,
       (next_on - interval '1 month')::timestamp, 0
from bench_service;

-- last month, billed and paid: one invoice per reseller, one line per service
create temporary table bench_previous as
  select b.r, b.tenant_id, 45000000000 + b.r as invoice_id,
         s.invoice_prefix || '-' || lpad((s.next_number + b.r - 1)::text, 6, '0') as number,
         (date :'month_start' - interval '1 month')::date as issued_on, p.id as provider_id
  from bench_reseller b, tenant p join billing_settings s on s.tenant_id = p.id
  where p.kind = 'PROVIDER';

insert into invoice (id, tenant_id, issuer_tenant_id, kind, customer_id, number, currency, subtotal, tax_label, tax_rate,
                     tax_amount, late_fee, total, status, issued_on, due_on, extended_to, dunning_step, paid_at, period,
                     credited_invoice_id, created_at, version)
select invoice_id, tenant_id, provider_id, 'WHOLESALE', null, number, 'EUR', 8.10 * :services, null, 0, 0, 0,
       8.10 * :services, 'PAID', issued_on, issued_on + 14, null, 'NONE', issued_on + interval '3 days',
       to_char(issued_on, 'YYYY-MM'), null, issued_on, 1
from bench_previous;

insert into invoice_line (id, tenant_id, invoice_id, position, description, category, quantity, unit_amount, amount,
                          order_id, service_id)
select 46000000000 + s.k, s.tenant_id, 45000000000 + (s.k - 1) / :services + 1, s.n,
       'VPS S · service ' || (43000000000 + s.k) || ' · ' || (s.next_on - interval '1 month')::date || ' – '
         || (s.next_on - 1), 'VPS', 1, 8.10, 8.10, null, 43000000000 + s.k
from bench_service s;

update billing_settings set next_number = next_number + :resellers, version = version + 1
where tenant_id = (select id from tenant where kind = 'PROVIDER');

commit;
analyze tenant;
analyze domain;
analyze customer;
analyze customer_order;
analyze order_line;
analyze hosting_service;
analyze invoice;
analyze invoice_line;
