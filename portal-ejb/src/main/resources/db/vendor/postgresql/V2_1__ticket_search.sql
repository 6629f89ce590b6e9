-- Full-text search over ticket subjects and message bodies, PostgreSQL only (H2 searches with LIKE).
-- The 'simple' configuration does no stemming, so English and Russian text are indexed alike.
--
-- Every lexeme is stored with its tenant's id in front ("1042_kernel"): the index then keeps one
-- posting list per reseller and word, so a search reads only its own tenant's entries, as fast for a
-- word in every second message as for a word in three, however many resellers the installation has.
-- (A two-column GIN index on tenant and vector would intersect the tenant's list with the word's list
-- across all resellers; a scan of the tenant's tickets would read all of them for a rare word.)

create function marque_search_vector(tenant bigint, body text) returns tsvector
    language sql immutable parallel safe as $$
    select array_to_tsvector(coalesce(array(
        select tenant::text || '_' || lexeme from unnest(to_tsvector('simple', body))), '{}'::text[]))
$$;

-- the words of a search, all of them required, in the same form; no words gives an empty query
create function marque_search_query(tenant bigint, words text) returns tsquery
    language sql immutable parallel safe as $$
    select coalesce(string_agg(quote_literal(tenant::text || '_' || replace(lexeme, '\', '')), ' & '), '')::tsquery
    from unnest(to_tsvector('simple', words))
$$;

alter table ticket add column search_vector tsvector
    generated always as (marque_search_vector(tenant_id, subject)) stored;
alter table ticket_message add column search_vector tsvector
    generated always as (marque_search_vector(tenant_id, body)) stored;

create index ticket_search_ix on ticket using gin (search_vector);
create index ticket_message_search_ix on ticket_message using gin (search_vector);
