-- Keeps updated_at current on every UPDATE, the way the migration guides do it. The entities set it
-- too (@UpdateTimestamp), but the job queue's native UPDATEs and hand-run SQL do not go through them.
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION set_updated_at() IS 'sets updated_at to the time of the UPDATE';

CREATE TRIGGER profiles_set_updated_at BEFORE UPDATE ON profiles FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER projects_set_updated_at BEFORE UPDATE ON projects FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER crawl_jobs_set_updated_at BEFORE UPDATE ON crawl_jobs FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER job_chunks_set_updated_at BEFORE UPDATE ON job_chunks FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER validation_jobs_set_updated_at BEFORE UPDATE ON validation_jobs FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER export_jobs_set_updated_at BEFORE UPDATE ON export_jobs FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER credit_accounts_set_updated_at BEFORE UPDATE ON credit_accounts FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER notification_preferences_set_updated_at BEFORE UPDATE ON notification_preferences FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER api_keys_set_updated_at BEFORE UPDATE ON api_keys FOR EACH ROW EXECUTE FUNCTION set_updated_at();
