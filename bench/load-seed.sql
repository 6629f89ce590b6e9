-- Seeds the reliability benchmarks (bench/load.sh, bench/faults.sh, bench/backup-restore.sh) into a migrated
-- Marque database (PostgreSQL), beside the demo tenants:
--   :tenants resellers r<N>.rel.localhost, each with :agents agents (agent<A>@r<N>.rel.localhost), :customers
--   customers (c<K>@r<N>.rel.localhost), one server per customer (simulated driver; id 30000000000 +
--   (N-1)*1000 + K), one open ticket per customer (number K, its first message from the customer) and a
--   webhook endpoint at :'hook_url' for ticket replies and finished server jobs (secret sealed with the
--   installation's key: :'sealed'). Reseller 1's customer 1 also has a server whose BMC is at
--   :'dead_bmc' (IPMI driver; id 30000000999) for the unreachable-BMC fault. Every user's password is the
--   demo password (the hash is copied from Acme's Alice). Ids start at 3 * 10^10.
-- psql -v tenants=20 -v customers=10 -v agents=2 -v hook_url=… -v sealed=… -v dead_bmc=… -f bench/load-seed.sql
\set ON_ERROR_STOP on

select password_hash as hash from app_user where email = 'alice@example.com'
    and tenant_id = (select tenant_id from domain where host = 'acme.localhost') \gset

begin;
insert into tenant (id, kind, slug, name, status, theme, default_locale, time_zone, currency, signup_enabled,
        customer_totp, created_at, version)
    select 30000000000 + t, 'RESELLER', 'rel-' || t, 'Reliability Reseller ' || t, 'ACTIVE',
           case when t % 2 = 0 then 'aurora' else 'harbor' end, 'en', 'Europe/Berlin', 'EUR', false, false, now(), 0
    from generate_series(1, :tenants) t;
insert into brand (tenant_id, display_name, support_email, color_primary, color_accent, footer_text, custom_css,
        updated_at, version)
    select 30000000000 + t, 'Reliability Reseller ' || t, 'support@r' || t || '.rel.localhost', '#2f6fed', '#f59e0b',
           '© Reliability Reseller ' || t, '', now(), 0
    from generate_series(1, :tenants) t;
insert into domain (id, tenant_id, host, is_primary, created_at)
    select 30000000000 + t, 30000000000 + t, 'r' || t || '.rel.localhost', true, now() from generate_series(1, :tenants) t;
insert into ticket_settings (tenant_id, provider_alias, provider_may_reply, share_customer, business_days, opens_at,
        closes_at, next_number, version)
    select 30000000000 + t, 'Reliability Reseller ' || t || ' Support', true, false, '1,2,3,4,5', '09:00', '18:00',
           :customers + 1, 0
    from generate_series(1, :tenants) t;
insert into sla_target (tenant_id, priority, first_response_minutes, resolution_minutes)
    select 30000000000 + t, p.priority, p.first_response, p.resolution
    from generate_series(1, :tenants) t cross join (values ('URGENT', 60, 480), ('HIGH', 240, 1440),
        ('NORMAL', 480, 2880), ('LOW', 1440, 5760)) as p (priority, first_response, resolution);
insert into department (id, tenant_id, name, active, position, created_at, version)
    select 30000000000 + t, 30000000000 + t, 'Support', true, 1, now(), 0 from generate_series(1, :tenants) t;

insert into app_user (id, tenant_id, customer_id, email, display_name, password_hash, roles, status, totp_enabled,
        failed_logins, created_at, version)
    select 30100000000 + t * 100 + a, 30000000000 + t, null, 'agent' || a || '@r' || t || '.rel.localhost',
           'Agent ' || a || ' of ' || t, :'hash', 'RESELLER_AGENT', 'ACTIVE', false, 0, now(), 0
    from generate_series(1, :tenants) t, generate_series(1, :agents) a;
insert into customer (id, tenant_id, name, company, email, status, created_at, version)
    select 30200000000 + (t - 1) * 1000 + c, 30000000000 + t, 'Customer ' || c || ' of ' || t, null,
           'c' || c || '@r' || t || '.rel.localhost', 'ACTIVE', now(), 0
    from generate_series(1, :tenants) t, generate_series(1, :customers) c;
insert into app_user (id, tenant_id, customer_id, email, display_name, password_hash, roles, status, totp_enabled,
        failed_logins, created_at, version)
    select 30300000000 + (t - 1) * 1000 + c, 30000000000 + t, 30200000000 + (t - 1) * 1000 + c,
           'c' || c || '@r' || t || '.rel.localhost', 'Customer ' || c || ' of ' || t, :'hash', 'CUSTOMER',
           'ACTIVE', false, 0, now(), 0
    from generate_series(1, :tenants) t, generate_series(1, :customers) c;

insert into server (id, tenant_id, customer_id, hostname, cpu, ram_gb, disks, location, os, driver, rack, bmc_host,
                    bmc_port, bmc_user, upstream_id, monthly_cost, cost_currency, status, power_state, power_read_at,
                    created_at, version)
    select 30000000000 + (t - 1) * 1000 + c, 30000000000 + t, 30200000000 + (t - 1) * 1000 + c,
           'srv-' || c || '.r' || t || '.example', '4 vCPU', 8, '160 GB SSD', 'Frankfurt', 'Debian 12', 'simulated',
           'REL-R' || t, '10.40.' || t || '.' || c, 623, 'ops', 'REL-' || t || '-' || c, 12.50, 'EUR', 'ACTIVE', 'ON',
           now(), now(), 0
    from generate_series(1, :tenants) t, generate_series(1, :customers) c;
insert into server (id, tenant_id, customer_id, hostname, cpu, ram_gb, disks, location, os, driver, rack, bmc_host,
                    bmc_port, bmc_user, bmc_password_sealed, upstream_id, monthly_cost, cost_currency, status,
                    power_state, power_read_at, created_at, version)
    values (30000000999, 30000000001, 30200000001, 'bmc-dead.r1.example', '4 vCPU', 8, '160 GB SSD', 'Frankfurt',
            'Debian 12', 'ipmi', 'REL-R1', :'dead_bmc', 623, 'ops', :'sealed', 'REL-DEAD', 12.50, 'EUR', 'ACTIVE', 'ON',
            now(), now(), 0);

insert into ticket (id, tenant_id, number, customer_id, department_id, subject, priority, status, assignee_id,
        related_service, tags, reply_token, created_at, updated_at, first_response_due, first_response_at,
        resolution_due, resolved_at, queue_due, escalation_state, escalation_reason, escalated_at, provider_may_reply,
        share_customer, customer_pseudonym, rating, rating_comment, merged_into_id, thread_message_id, version)
    select 31000000000 + (t - 1) * 1000 + c, 30000000000 + t, c, 30200000000 + (t - 1) * 1000 + c,
           30000000000 + t, 'Seeded ticket of customer ' || c, 'NORMAL', 'AWAITING_RESELLER', null, null, ' ',
           'rel' || lpad(to_hex(t), 6, '0') || lpad(to_hex(c), 8, '0'), now(), now(), now() + interval '8 hours', null,
           now() + interval '48 hours', null, now() + interval '8 hours', 'NONE', null, null, true, false, null,
           null, null, null, null, 0
    from generate_series(1, :tenants) t, generate_series(1, :customers) c;
insert into ticket_message (id, tenant_id, ticket_id, author_kind, author_user_id, author_name, public_name,
        visibility, body, source, mail_message_id, created_at)
    select 32000000000 + (t - 1) * 1000 + c, 30000000000 + t, 31000000000 + (t - 1) * 1000 + c, 'CUSTOMER',
           30300000000 + (t - 1) * 1000 + c, 'Customer ' || c || ' of ' || t, 'Customer ' || c || ' of ' || t,
           'PUBLIC', 'My server srv-' || c || ' does not answer since this morning.', 'WEB', null, now()
    from generate_series(1, :tenants) t, generate_series(1, :customers) c;

insert into webhook_endpoint (id, tenant_id, url, secret_sealed, events, active, created_at, version)
    select 33000000000 + t, 30000000000 + t, :'hook_url', :'sealed', 'ticket.replied server.job_finished', true, now(), 0
    from generate_series(1, :tenants) t;
commit;
analyze;
