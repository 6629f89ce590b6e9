-- Mail that arrives for a reseller finds its ticket by the thread it answers: the Message-ID of the
-- ticket's first mail (ticket.thread_message_id) or of one of its messages (ticket_message, already
-- indexed by ticket_message_mail_uk). Without this index every arriving reply would scan the tenant's
-- tickets.
create index ticket_thread_ix on ticket (tenant_id, thread_message_id);
