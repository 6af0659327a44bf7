package io.diffgen.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.diffgen.cli.Main;
import io.diffgen.spring.testapp.TestApp;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Spring Boot application on a real PostgreSQL: the starter migrates it before JPA starts
 * (Hibernate's ddl-auto=validate passes only on the migrated schema), /actuator/diffgen reports the
 * revisions over HTTP, and the health indicator turns DOWN when a revision is pending.
 */
@Tag("postgres")
class StarterTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private static String diffgen(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, out + "\n" + err);
        return out.toString();
    }

    private ConfigurableApplicationContext start(TestDatabase db, Path migrations, String... more) {
        return new SpringApplicationBuilder(TestApp.class).properties("server.port=0", "spring.datasource.url=" + db.jdbcUrl(),
                "spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password(),
                "spring.diffgen.locations=" + migrations, "server.tomcat.basedir=target/tomcat").properties(more).run();
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext app, String path) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApplicationMigratesItselfBeforeJpaAndReportsTheHead() throws Exception {
        TestDatabase db = PostgresServer.createDatabase("starter");
        Path migrations = work.resolve("migrations");
        List<String> common = List.of("--url", db.url(), "--migrations", migrations.toString());
        diffgen(args(common, "revision", "--autogenerate", "-m", "create customers", "--rev-id", "c0ffee",
                "--model-classpath", Path.of("target/test-classes").toAbsolutePath().toString(), "--model-package", "io.diffgen.spring.testapp"));

        try (ConfigurableApplicationContext app = start(db, migrations)) {
            try (var c = db.connect(); var s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'full_name'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "migrated with Spring Boot's naming");
            }
            HttpResponse<String> report = get(app, "/actuator/diffgen");
            assertEquals(200, report.statusCode(), report.body());
            JsonNode bean = JSON.readTree(report.body()).path("contexts").elements().next().path("diffgenBeans").path("diffgenMigration");
            assertEquals("[\"c0ffee\"]", bean.path("heads").toString(), report.body());
            assertEquals("[\"c0ffee\"]", bean.path("current").toString(), report.body());
            assertTrue(bean.path("upToDate").asBoolean(), report.body());
            JsonNode revision = bean.path("revisions").get(0);
            assertEquals("c0ffee", revision.path("revision").asText());
            assertEquals("create customers", revision.path("description").asText());
            assertEquals("SUCCESS", revision.path("state").asText());
            assertTrue(revision.path("checksum").asText().startsWith("9:"), report.body());
            assertFalse(revision.path("installedOn").isNull(), report.body());

            HttpResponse<String> health = get(app, "/actuator/health");
            assertEquals(200, health.statusCode(), health.body());
            assertEquals("UP", JSON.readTree(health.body()).path("components").path("diffgen").path("status").asText(), health.body());

            // a revision written after the start: the database is no longer at head
            diffgen(args(common, "revision", "-m", "later", "--rev-id", "bead00"));
            HttpResponse<String> behind = get(app, "/actuator/health");
            assertEquals(503, behind.statusCode(), behind.body());
            JsonNode component = JSON.readTree(behind.body()).path("components").path("diffgen");
            assertEquals("DOWN", component.path("status").asText(), behind.body());
            assertEquals("[\"bead00\"]", component.path("details").path("pending").toString(), behind.body());
        }
        PostgresServer.dropDatabase(db);
    }

    /**
     * A rolling deploy, or a rollback: the older build starts on the database its newer version
     * migrated, migrates nothing, and reports UP with the revisions it does not know; told to refuse,
     * it does not start.
     */
    @Test
    void anOlderBuildStartsOnTheDatabaseANewerOneMigrated() throws Exception {
        TestDatabase db = PostgresServer.createDatabase("starter_newer");
        Path newer = work.resolve("newer");
        Path older = work.resolve("older");
        diffgen("--url", db.url(), "--migrations", newer.toString(), "revision", "--autogenerate", "-m", "create customers", "--rev-id", "c0ffee",
                "--model-classpath", Path.of("target/test-classes").toAbsolutePath().toString(), "--model-package", "io.diffgen.spring.testapp");
        java.nio.file.Files.createDirectories(older.resolve("versions"));
        try (var files = java.nio.file.Files.list(newer.resolve("versions"))) {
            for (Path f : files.toList()) java.nio.file.Files.copy(f, older.resolve("versions").resolve(f.getFileName()));
        }
        diffgen("--url", db.url(), "--migrations", newer.toString(), "revision", "-m", "later", "--rev-id", "bead00");
        diffgen("--url", db.url(), "--migrations", newer.toString(), "upgrade", "head");

        try (ConfigurableApplicationContext app = start(db, older)) {
            HttpResponse<String> health = get(app, "/actuator/health");
            assertEquals(200, health.statusCode(), health.body());
            JsonNode component = JSON.readTree(health.body()).path("components").path("diffgen");
            assertEquals("UP", component.path("status").asText(), health.body());
            assertEquals("[\"bead00\"]", component.path("details").path("ahead").toString(), health.body());
            assertEquals("[\"bead00\"]", component.path("details").path("current").toString(), health.body());
            JsonNode bean = JSON.readTree(get(app, "/actuator/diffgen").body()).path("contexts").elements().next()
                    .path("diffgenBeans").path("diffgenMigration");
            assertEquals("[\"bead00\"]", bean.path("ahead").toString(), bean.toString());
            assertEquals("FUTURE", bean.path("revisions").get(1).path("state").asText(), bean.toString());
        }
        Exception refused = assertThrows(Exception.class, () -> start(db, older, "spring.diffgen.allow-newer-database=false").close());
        assertTrue(rootMessage(refused).startsWith("the database is at revision bead00, which a newer version of the migrations applied"),
                rootMessage(refused));
        PostgresServer.dropDatabase(db);
    }

    @Test
    void turnedOffItMigratesNothingAndHibernateFindsNoTable() {
        TestDatabase db = PostgresServer.createDatabase("starter_off");
        Path migrations = work.resolve("migrations");
        diffgen("--url", db.url(), "--migrations", migrations.toString(), "revision", "--autogenerate", "-m", "create customers",
                "--model-classpath", Path.of("target/test-classes").toAbsolutePath().toString(), "--model-package", "io.diffgen.spring.testapp");
        Exception e = assertThrows(Exception.class, () -> start(db, migrations, "spring.diffgen.enabled=false", "spring.liquibase.enabled=false").close());
        assertTrue(rootMessage(e).contains("missing table [customer]"), rootMessage(e));
        PostgresServer.dropDatabase(db);
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return String.valueOf(e.getMessage());
    }

    private static String[] args(List<String> common, String... rest) {
        List<String> all = new java.util.ArrayList<>(common);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
