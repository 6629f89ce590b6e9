-- Seeds the ticket benchmark into a migrated Marque database (PostgreSQL), beside the demo tenants:
--   :tenants resellers b<N>.bench.localhost, each with an agent (agent@b<N>.bench.localhost), :customers
--   customers (c<M>@b<N>.bench.localhost), :tickets tickets spread over them and :messages messages a
--   ticket; about 1 % of the tickets are escalated to the provider. Every bench user's password is the
--   demo password (the hash is copied from Acme's Alice).
-- Ids start at 10^10, far above what the application's sequence hands out.
-- psql -v tenants=1000 -v customers=100 -v tickets=1000 -v messages=5 -f bench/tickets-seed.sql
\set ON_ERROR_STOP on
\timing on

select password_hash as hash from app_user where email = 'alice@example.com'
    and tenant_id = (select tenant_id from domain where host = 'acme.localhost') \gset

begin;

insert into tenant (id, kind, slug, name, status, theme, default_locale, time_zone, currency, signup_enabled,
        customer_totp, created_at, version)
    select 10000000000 + t, 'RESELLER', 'bench-' || t, 'Bench Reseller ' || t, 'ACTIVE',
           case when t % 2 = 0 then 'aurora' else 'harbor' end, 'en', 'Europe/Berlin', 'EUR', false, false, now(), 0
    from generate_series(1, :tenants) t;
insert into brand (tenant_id, display_name, support_email, color_primary, color_accent, footer_text, custom_css,
        updated_at, version)
    select 10000000000 + t, 'Bench Reseller ' || t, 'support@b' || t || '.bench.localhost', '#2f6fed', '#f59e0b',
           '© Bench Reseller ' || t, '', now(), 0
    from generate_series(1, :tenants) t;
insert into domain (id, tenant_id, host, is_primary, created_at)
    select 10000000000 + t, 10000000000 + t, 'b' || t || '.bench.localhost', true, now() from generate_series(1, :tenants) t;
insert into ticket_settings (tenant_id, provider_alias, provider_may_reply, share_customer, business_days, opens_at,
        closes_at, next_number, version)
    select 10000000000 + t, 'Bench Reseller ' || t || ' Support', true, false, '1,2,3,4,5', '09:00', '18:00',
           :tickets + 1, 0
    from generate_series(1, :tenants) t;
insert into sla_target (tenant_id, priority, first_response_minutes, resolution_minutes)
    select 10000000000 + t, p.priority, p.first_response, p.resolution
    from generate_series(1, :tenants) t cross join (values ('URGENT', 60, 480), ('HIGH', 240, 1440),
        ('NORMAL', 480, 2880), ('LOW', 1440, 5760)) as p (priority, first_response, resolution);
insert into department (id, tenant_id, name, active, position, created_at, version)
    select 10000000000 + t, 10000000000 + t, 'Support', true, 1, now(), 0 from generate_series(1, :tenants) t;

insert into app_user (id, tenant_id, customer_id, email, display_name, password_hash, roles, status, totp_enabled,
        failed_logins, created_at, version)
    select 10100000000 + t, 10000000000 + t, null, 'agent@b' || t || '.bench.localhost', 'Agent ' || t, :'hash',
           'RESELLER_AGENT', 'ACTIVE', false, 0, now(), 0
    from generate_series(1, :tenants) t;
insert into customer (id, tenant_id, name, company, email, status, created_at, version)
    select 10200000000 + (t - 1) * :customers + c, 10000000000 + t, 'Customer ' || c || ' of ' || t, null,
           'c' || c || '@b' || t || '.bench.localhost', 'ACTIVE', now(), 0
    from generate_series(1, :tenants) t, generate_series(1, :customers) c;
insert into app_user (id, tenant_id, customer_id, email, display_name, password_hash, roles, status, totp_enabled,
        failed_logins, created_at, version)
    select 10300000000 + (t - 1) * :customers + c, 10000000000 + t, 10200000000 + (t - 1) * :customers + c,
           'c' || c || '@b' || t || '.bench.localhost', 'Customer ' || c || ' of ' || t, :'hash', 'CUSTOMER',
           'ACTIVE', false, 0, now(), 0
    from generate_series(1, :tenants) t, generate_series(1, :customers) c;
commit;

-- words for subjects and bodies: common ones and rare ones, so searches find many or few tickets
create temporary table word (n int primary key, w text not null);
insert into word
    select row_number() over () - 1, w from unnest(string_to_array(
        'server disk network kernel backup restore invoice payment domain dns mail smtp imap certificate tls '
        || 'firewall port reboot slow timeout error panic memory swap cpu load raid controller switch router '
        || 'ipv4 ipv6 address reverse record zone website shop database mysql postgres php nginx apache '
        || 'upgrade install reinstall template image snapshot volume quota limit traffic bandwidth graph '
        || 'password login account access ssh key console vnc bios boot pxe rescue mode power cycle reset '
        || 'please help urgent today yesterday morning evening since after before again still not working '
        || 'thanks hello regards customer support ticket question answer problem issue fixed done check '
        || 'zircon quasar obsidian marmalade tangerine', ' ')) as w;
select count(*) as words from word \gset
create temporary table phrase (n int primary key, body text not null);
insert into phrase
    select p, string_agg(w.w, ' ' order by i)
    from generate_series(0, 1999) p cross join generate_series(1, 40) i
    join word w on w.n = (p * 31 + i * 17 + (p * i) % 7) % (:words - 5)
    group by p;
-- three phrases carry one rare word each: a search for it finds a handful of tickets per reseller
update phrase ph set body = ph.body || ' ' || (select w.w from word w where w.n = :words - 5 + ph.n % 5)
    where ph.n % 997 = 0;

begin;
-- the search indexes are built once after the bulk load, not row by row
drop index if exists ticket_search_ix;
drop index if exists ticket_message_search_ix;

insert into ticket (id, tenant_id, number, customer_id, department_id, subject, priority, status, assignee_id,
        related_service, tags, reply_token, created_at, updated_at, first_response_due, first_response_at,
        resolution_due, resolved_at, queue_due, escalation_state, escalation_reason, escalated_at, provider_may_reply,
        share_customer, customer_pseudonym, rating, rating_comment, merged_into_id, thread_message_id, version)
    select 11000000000 + (t - 1) * :tickets + k, 10000000000 + t, k,
           10200000000 + (t - 1) * :customers + (k - 1) % :customers + 1, 10000000000 + t,
           initcap((select w from word where n = (k * 13) % :words)) || ' ' || (select w from word where n = (k * 7 + t) % :words)
               || ' on server ' || k,
           (array['LOW', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT'])[1 + k % 5],
           case when k % 100 = 7 then 'ESCALATED' when k % 10 < 6 then 'CLOSED' when k % 10 = 6 then 'AWAITING_CUSTOMER'
                else 'AWAITING_RESELLER' end,
           case when k % 3 = 0 then 10100000000 + t end, null, ' ',
           'bench' || lpad(to_hex(t), 6, '0') || lpad(to_hex(k), 8, '0'),
           now() - (k || ' hours')::interval, now() - (k || ' minutes')::interval,
           now() - (k || ' hours')::interval + interval '8 hours', now() - (k || ' hours')::interval + interval '1 hour',
           now() - (k || ' hours')::interval + interval '48 hours', case when k % 10 < 6 then now() end,
           case when k % 10 < 6 or k % 10 = 6 then timestamp '9999-12-31'
                else now() + (((k * 37) % 4000 - 500) || ' minutes')::interval end,
           case when k % 100 = 7 then 'OPEN' else 'NONE' end,
           case when k % 100 = 7 then 'Needs the data centre' end, case when k % 100 = 7 then now() end,
           true, false, case when k % 100 = 7 then 'B' || lpad(to_hex(t * 1000 + k), 5, '0') end,
           null, null, null, null, 0
    from generate_series(1, :tenants) t, generate_series(1, :tickets) k;

insert into ticket_message (id, tenant_id, ticket_id, author_kind, author_user_id, author_name, public_name,
        visibility, body, source, mail_message_id, created_at)
    select 12000000000 + ((t - 1) * :tickets + k - 1) * :messages + j, 10000000000 + t,
           11000000000 + (t - 1) * :tickets + k,
           case when j % 2 = 1 then 'CUSTOMER' else 'RESELLER' end,
           case when j % 2 = 1 then 10300000000 + (t - 1) * :customers + (k - 1) % :customers + 1 else 10100000000 + t end,
           case when j % 2 = 1 then 'Customer' else 'Agent ' || t end,
           case when j % 2 = 1 then 'Customer' else 'Agent ' || t end,
           case when j = 4 and k % 4 = 0 then 'RESELLER_NOTE' else 'PUBLIC' end,
           (select body from phrase where n = ((t * 7919 + k * 104729 + j * 31) % 2000)),
           case when j % 2 = 1 then 'MAIL' else 'WEB' end, null,
           now() - (k || ' hours')::interval + (j || ' minutes')::interval
    from generate_series(1, :tenants) t, generate_series(1, :tickets) k, generate_series(1, :messages) j;

create index ticket_search_ix on ticket using gin (search_vector);
create index ticket_message_search_ix on ticket_message using gin (search_vector);
commit;

-- as autovacuum would by then: statistics, and the visibility map that index-only scans need
vacuum analyze;
select (select count(*) from tenant) as tenants, (select count(*) from customer) as customers,
       (select count(*) from ticket) as tickets, (select count(*) from ticket_message) as messages,
       (select count(*) from ticket where escalation_state = 'OPEN') as escalated;
