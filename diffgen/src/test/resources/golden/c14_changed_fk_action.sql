--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - drop foreign key fk_player_team on player
--   - add foreign key fk_player_team on player[team_id] -> team[id] on delete set null
--
-- Warnings:
--   WARNING DG010: add foreign key fk_player_team on player[team_id] -> team[id] on delete set null checks every existing row under lock [validates-existing-rows, long lock]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE player DROP CONSTRAINT fk_player_team;
ALTER TABLE player ADD CONSTRAINT fk_player_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE SET NULL;
--rollback ALTER TABLE player DROP CONSTRAINT fk_player_team;
--rollback ALTER TABLE player ADD CONSTRAINT fk_player_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE;
