-- A server's traffic graph reads up to a month of its 5-minute samples (8,640 rows). The sampler writes
-- every server's sample at once, so one server's rows lie one per heap page: reading them through the
-- key touched ~8,600 pages (120 ms in bench/servers.sh). With the byte counts in the key's index the
-- read is an index-only scan of ~60 pages (4 ms). Autovacuum's insert threshold (PostgreSQL 13+) keeps
-- the visibility map current on this insert-only table.
alter table traffic_sample drop constraint traffic_sample_pkey,
    add primary key (server_id, sampled_at) include (rx_bytes, tx_bytes);
