--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - drop foreign key fk_player_team on player
--   - add foreign key fk_player_team on player[team_id] -> team[id] on delete set null
--   - validate constraint fk_player_team on player
--
-- Warnings:
--   WARNING DG014: foreign key fk_player_team on player[team_id] has no index on its columns: every DELETE or key UPDATE on team scans player; add @Index(columnList = "team_id") [foreign-key-without-index, slow deletes]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "fk_player_team" FROM (SELECT r.* FROM player AS r WHERE r.team_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM team AS p WHERE p.id = r.team_id)) AS violations
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE player DROP CONSTRAINT fk_player_team;
ALTER TABLE player ADD CONSTRAINT fk_player_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE SET NULL NOT VALID;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE player DROP CONSTRAINT fk_player_team;
--rollback ALTER TABLE player ADD CONSTRAINT fk_player_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE;

--changeset diffgen:v2.2 logicalFilePath:<file>
--comment: validate constraint fk_player_team on player
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE player VALIDATE CONSTRAINT fk_player_team;
--rollback SELECT 1 /* nothing to undo */;
