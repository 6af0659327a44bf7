--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - drop foreign key fk_player_team on player
--   - add foreign key fk_player_team on player[team_id] -> team[id] on delete set null
--   - validate constraint fk_player_team on player
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE player DROP CONSTRAINT fk_player_team;
ALTER TABLE player ADD CONSTRAINT fk_player_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE SET NULL NOT VALID;
--rollback ALTER TABLE player DROP CONSTRAINT fk_player_team;
--rollback ALTER TABLE player ADD CONSTRAINT fk_player_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE;

--changeset diffgen:v2.2 logicalFilePath:<file>
--comment: validate constraint fk_player_team on player
ALTER TABLE player VALIDATE CONSTRAINT fk_player_team;
--rollback SELECT 1 /* nothing to undo */;
