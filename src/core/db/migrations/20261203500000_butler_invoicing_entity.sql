-- The butler's invoices (SPEC §11): billing issues them under a named invoicing entity (开票主体, e.g. the
-- provider's intellectual-property services company), which the customer picks when asking billing for the
-- invoice. Each request keeps the entity it was made under; older requests have none.
ALTER TABLE butler_invoice_requests ADD COLUMN invoicing_entity text;
