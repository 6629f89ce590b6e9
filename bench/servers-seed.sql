-- Seeds the server benchmark (bench/servers.sh) on top of the demo: :servers more servers for the demo
-- reseller Acme, spread over its customers, each with an IPv4 and an IPv6 address, and a month of
-- 5-minute traffic samples (8,640 rows each) for Alice's web-01 and :sampled other servers.
-- Ids start at 20,000,000,000, far above the sequence's.
\set ON_ERROR_STOP on
begin;

create temporary table acme_customers as
  select row_number() over (order by c.id) - 1 as n, c.id
  from customer c join tenant t on t.id = c.tenant_id where t.slug = 'acme';

insert into server (id, tenant_id, customer_id, hostname, cpu, ram_gb, disks, location, os, driver, rack, bmc_host,
                    bmc_port, bmc_user, upstream_id, monthly_cost, cost_currency, status, power_state, power_read_at,
                    created_at, version)
select 20000000000 + g, (select id from tenant where slug = 'acme'),
       (select id from acme_customers where n = g % (select count(*) from acme_customers)),
       'bench-' || g || '.acme-customers.example', '4 vCPU', 8, '160 GB SSD', 'Frankfurt', 'Debian 12', 'simulated',
       'BENCH-R' || (g % 40), '10.30.' || (g / 250 % 250) || '.' || (g % 250), 623, 'ops', 'BENCH-' || g, 12.50, 'EUR',
       'ACTIVE', 'ON', now(), now(), 0
from generate_series(1, :servers) g;

insert into server_address (id, server_id, address, family)
select 20000000000 + g, 20000000000 + g, '100.' || (64 + g / 65536 % 64) || '.' || (g / 256 % 256) || '.' || (g % 256), 4
from generate_series(1, :servers) g;
insert into server_address (id, server_id, address, family)
select 21000000000 + g, 20000000000 + g, '2001:db8:be::' || to_hex(g), 6
from generate_series(1, :servers) g;

-- a month of 5-minute samples: the demo's hourly ones of web-01 give way to them
delete from traffic_sample where server_id = (select id from server where hostname = 'web-01.martin-web.example');
insert into traffic_sample (server_id, sampled_at, rx_bytes, tx_bytes)
select s.id, date_trunc('hour', now()) - make_interval(mins => 5 * k),
       (20000000 + (k * 7919 % 10000000))::bigint, (120000000 + (k * 104729 % 60000000))::bigint
from (select id from server where hostname = 'web-01.martin-web.example'
      union all select 20000000000 + g from generate_series(1, :sampled) g) s,
     generate_series(0, 8639) k;

commit;
analyze server;
analyze server_address;
vacuum analyze traffic_sample;
