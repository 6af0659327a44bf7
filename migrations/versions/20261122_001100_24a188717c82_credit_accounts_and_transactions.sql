--liquibase formatted sql
-- Revision: 24a188717c82
-- Revises: 5b2488d68f98
-- Create Date: 2026-11-22T00:11:00Z
-- Message: credit accounts and transactions
--
-- Changes:
--   - create table credit_accounts
--   - create table credit_transactions
--   - create index ix_credit_accounts_user_id on credit_accounts
--   - create index ix_credit_transactions_account_id on credit_transactions
--   - create index ix_credit_transactions_created_at on credit_transactions
--   - create index ix_credit_transactions_status on credit_transactions
--   - create index ix_credit_transactions_type on credit_transactions
--   - create index ix_credit_transactions_user_created on credit_transactions
--   - create index ix_credit_transactions_user_id on credit_transactions
--   - add foreign key fk_credit_accounts_user_id on credit_accounts[user_id] -> profiles[id] on delete cascade
--   - add foreign key fk_credit_transactions_account_id on credit_transactions[account_id] -> credit_accounts[id] on delete cascade
--   - add foreign key fk_credit_transactions_user_id on credit_transactions[user_id] -> profiles[id] on delete cascade
--
-- Warnings:
--   (none)

--changeset diffgen:24a188717c82 logicalFilePath:migrations/versions/20261122_001100_24a188717c82_credit_accounts_and_transactions.sql
--comment: credit accounts and transactions
CREATE TABLE credit_accounts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    current_balance integer DEFAULT 0 NOT NULL,
    monthly_usage integer DEFAULT 0 NOT NULL,
    average_daily_usage numeric(10,2) DEFAULT 0.00 NOT NULL,
    auto_refill_enabled boolean DEFAULT false NOT NULL,
    refill_threshold integer DEFAULT 100 NOT NULL,
    refill_amount integer DEFAULT 500 NOT NULL,
    monthly_limit integer DEFAULT 2000 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT credit_accounts_pkey PRIMARY KEY (id),
    CONSTRAINT uq_credit_accounts_user_id UNIQUE (user_id),
    CONSTRAINT ck_credit_accounts_balance_positive CHECK (current_balance >= 0),
    CONSTRAINT ck_credit_accounts_monthly_limit_positive CHECK (monthly_limit > 0),
    CONSTRAINT ck_credit_accounts_monthly_usage_positive CHECK (monthly_usage >= 0),
    CONSTRAINT ck_credit_accounts_refill_amount_positive CHECK (refill_amount > 0),
    CONSTRAINT ck_credit_accounts_refill_threshold_positive CHECK (refill_threshold > 0)
);
CREATE TABLE credit_transactions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    account_id uuid NOT NULL,
    user_id uuid NOT NULL,
    "type" character varying(20) NOT NULL,
    description text NOT NULL,
    amount integer NOT NULL,
    balance_after integer NOT NULL,
    status character varying(20) DEFAULT 'completed'::character varying NOT NULL,
    metadata jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT credit_transactions_pkey PRIMARY KEY (id),
    CONSTRAINT ck_credit_transactions_balance_positive CHECK (balance_after >= 0),
    CONSTRAINT ck_credit_transactions_status_valid CHECK (status::text = ANY (ARRAY['completed'::character varying::text, 'pending'::character varying::text, 'failed'::character varying::text, 'cancelled'::character varying::text])),
    CONSTRAINT ck_credit_transactions_type_valid CHECK (type::text = ANY (ARRAY['purchase'::character varying::text, 'usage'::character varying::text, 'refund'::character varying::text, 'bonus'::character varying::text]))
);
CREATE INDEX ix_credit_accounts_user_id ON credit_accounts (user_id);
CREATE INDEX ix_credit_transactions_account_id ON credit_transactions (account_id);
CREATE INDEX ix_credit_transactions_created_at ON credit_transactions (created_at);
CREATE INDEX ix_credit_transactions_status ON credit_transactions (status);
CREATE INDEX ix_credit_transactions_type ON credit_transactions ("type");
CREATE INDEX ix_credit_transactions_user_created ON credit_transactions (user_id, created_at);
CREATE INDEX ix_credit_transactions_user_id ON credit_transactions (user_id);
ALTER TABLE credit_accounts ADD CONSTRAINT fk_credit_accounts_user_id FOREIGN KEY (user_id) REFERENCES profiles (id) ON DELETE CASCADE;
ALTER TABLE credit_transactions ADD CONSTRAINT fk_credit_transactions_account_id FOREIGN KEY (account_id) REFERENCES credit_accounts (id) ON DELETE CASCADE;
ALTER TABLE credit_transactions ADD CONSTRAINT fk_credit_transactions_user_id FOREIGN KEY (user_id) REFERENCES profiles (id) ON DELETE CASCADE;
--rollback ALTER TABLE credit_transactions DROP CONSTRAINT fk_credit_transactions_user_id;
--rollback ALTER TABLE credit_transactions DROP CONSTRAINT fk_credit_transactions_account_id;
--rollback ALTER TABLE credit_accounts DROP CONSTRAINT fk_credit_accounts_user_id;
--rollback DROP INDEX ix_credit_transactions_user_id;
--rollback DROP INDEX ix_credit_transactions_user_created;
--rollback DROP INDEX ix_credit_transactions_type;
--rollback DROP INDEX ix_credit_transactions_status;
--rollback DROP INDEX ix_credit_transactions_created_at;
--rollback DROP INDEX ix_credit_transactions_account_id;
--rollback DROP INDEX ix_credit_accounts_user_id;
--rollback DROP TABLE credit_transactions;
--rollback DROP TABLE credit_accounts;
