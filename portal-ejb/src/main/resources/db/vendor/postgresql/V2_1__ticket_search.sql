-- Full-text search over ticket subjects and message bodies, PostgreSQL only (H2 searches with LIKE).
-- The 'simple' configuration does no stemming, so English and Russian text are indexed alike.
-- btree_gin lets one GIN index lead with tenant_id, so a search reads only its own tenant's entries
-- (a trusted extension since PostgreSQL 13: the database owner may create it).
create extension if not exists btree_gin;

alter table ticket add column search_vector tsvector
    generated always as (to_tsvector('simple', subject)) stored;
alter table ticket_message add column search_vector tsvector
    generated always as (to_tsvector('simple', body)) stored;

create index ticket_search_ix on ticket using gin (tenant_id, search_vector);
create index ticket_message_search_ix on ticket_message using gin (tenant_id, search_vector);
