-- The application's JPA create script (jakarta.persistence.schema-generation.create-script-source),
-- run by Hibernate's export after the tables (create-source = metadata-then-script). Hibernate's
-- default extractor reads one statement per line.
CREATE VIEW big_purchases AS SELECT id, customer_id, amount FROM Purchase WHERE amount > 100;
