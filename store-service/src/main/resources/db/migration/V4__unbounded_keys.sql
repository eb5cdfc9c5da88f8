-- Rule ids and cell keys come from other services: an unexpectedly long one must be stored, not refused.
alter table finding alter column rule_id type text;
alter table cell alter column cell_key type text;
