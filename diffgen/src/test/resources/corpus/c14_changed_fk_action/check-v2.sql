SELECT count(*) = 3 FROM player;
SELECT confdeltype = 'n' FROM pg_constraint WHERE conname = 'fk_player_team';
DELETE FROM team WHERE id = 1;
SELECT count(*) = 3 FROM player;
SELECT team_id IS NULL FROM player WHERE id = 1;
SELECT team_id = 2 FROM player WHERE id = 2;
