package io.diffgen.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code spring.diffgen.*}: how the application's database is migrated at start-up. */
@ConfigurationProperties(prefix = "spring.diffgen")
public class DiffgenProperties {
    /** Migrate at start-up (on when missing). */
    private boolean enabled = true;
    /** The migrations folder: a path, {@code file:PATH}, or {@code classpath:PATH} of a folder on the classpath. */
    private String locations = "migrations";
    /** A separate database URL for migrations (postgresql:// or jdbc:postgresql://); default: the application's DataSource. */
    private String url;
    /** The user of {@link #url}. */
    private String user;
    /** The password of {@link #url}. */
    private String password;
    /** PostgreSQL's lock_timeout for each migration statement, in place of what the scripts set (10s, 500ms, 0 waits forever). */
    private String lockTimeout;
    /** How long a CONCURRENTLY index build or drop waits for older transactions to end, in place of lockTimeout (default 10min, 0 waits forever). */
    private String indexWait;
    /** Only validate at start-up (the database must be at head, no applied revision edited) instead of migrating. */
    private boolean validateOnStart = false;
    /**
     * Start on a database a newer version of the migrations ran on (a rolling deploy, a rollback),
     * without migrating it, the health indicator UP with the newer revisions in its details; false
     * refuses to start.
     */
    private boolean allowNewerDatabase = true;

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getLocations() { return locations; }
    public void setLocations(String locations) { this.locations = locations; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getLockTimeout() { return lockTimeout; }
    public void setLockTimeout(String lockTimeout) { this.lockTimeout = lockTimeout; }
    public String getIndexWait() { return indexWait; }
    public void setIndexWait(String indexWait) { this.indexWait = indexWait; }
    public boolean isValidateOnStart() { return validateOnStart; }
    public void setValidateOnStart(boolean validateOnStart) { this.validateOnStart = validateOnStart; }
    public boolean isAllowNewerDatabase() { return allowNewerDatabase; }
    public void setAllowNewerDatabase(boolean allowNewerDatabase) { this.allowNewerDatabase = allowNewerDatabase; }
}
