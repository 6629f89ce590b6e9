-- Traffic read from the switch port a server is cabled to, over SNMP, for servers whose driver cannot
-- read their interface counters (dedicated servers behind a BMC). Provider-internal, like the BMC: the
-- switch's address, the port's ifIndex in IF-MIB and the read community, encrypted like the BMC password.
-- All three are null when the server's own driver gives its traffic.
-- Written for PostgreSQL; the embedded H2 runs it in PostgreSQL mode.

alter table server add column traffic_host varchar(253);
alter table server add column traffic_if_index integer;
alter table server add column traffic_community_sealed varchar(1000);
