--liquibase formatted sql
-- Revision: c184c786e797
-- Revises: 
-- Create Date: 2026-12-02T17:24:29Z
-- Message: create shop
--
-- Changes:
--   - create table customer
--   - create table product
--   - create table purchase_order
--   - create index ix_purchase_order_customer_id on purchase_order
--   - add foreign key fk_purchase_order_customer_id on purchase_order[customer_id] -> customer[id] on delete no action
--
-- Warnings:
--   (none)

--changeset diffgen:c184c786e797 logicalFilePath:migrations/versions/20261202_172429_c184c786e797_create_shop.sql
--comment: create shop
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE TABLE customer (
    id bigint NOT NULL,
    full_name character varying(120) NOT NULL,
    email character varying(200) NOT NULL,
    CONSTRAINT customer_pkey PRIMARY KEY (id),
    CONSTRAINT uq_customer_email UNIQUE (email)
);
CREATE TABLE product (
    id bigint NOT NULL,
    title character varying(80) NOT NULL,
    price numeric(10,2) NOT NULL,
    CONSTRAINT product_pkey PRIMARY KEY (id)
);
CREATE TABLE purchase_order (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    placed_at timestamp with time zone NOT NULL,
    CONSTRAINT purchase_order_pkey PRIMARY KEY (id)
);
CREATE INDEX ix_purchase_order_customer_id ON purchase_order (customer_id);
ALTER TABLE purchase_order ADD CONSTRAINT fk_purchase_order_customer_id FOREIGN KEY (customer_id) REFERENCES customer (id);
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback DROP TABLE purchase_order;
--rollback DROP TABLE product;
--rollback DROP TABLE customer;
