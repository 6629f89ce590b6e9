-- An issued invoice is a legal record: it must keep naming whom it billed even after the customer's
-- account is renamed or erased on request (GDPR art. 17(3)(b): invoices are kept as tax law requires).
-- Until now the document read the recipient live from the customer row. From now on a customer's
-- invoice and credit note carry the recipient as issued; invoices issued before are given the
-- customer's details as they are today, the closest to "as issued" that is still known.
-- Written for PostgreSQL; the embedded H2 runs it in PostgreSQL mode.

alter table invoice add column bill_to_name varchar(160);
alter table invoice add column bill_to_company varchar(160);
alter table invoice add column bill_to_email varchar(254);

update invoice set
    bill_to_name = (select c.name from customer c where c.id = invoice.customer_id),
    bill_to_company = (select c.company from customer c where c.id = invoice.customer_id),
    bill_to_email = (select c.email from customer c where c.id = invoice.customer_id)
where customer_id is not null;
