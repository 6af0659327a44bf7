package io.pixcrawler.model;

import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.SimpleValue;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How Hibernate's boot metadata spells each kind of spec column ({@code Column.getSqlType(metadata)}
 * on PostgreSQL), which a schema comparison has to normalise: e.g. timestamptz is
 * "timestamp(6) with time zone" and an identity key is a plain "integer".
 */
class SqlTypeSpellingTest {
    @Test
    void oneColumnOfEachKind() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("profiles.id", "uuid");
        expected.put("projects.id", "integer");
        expected.put("profiles.email", "varchar(255)");
        expected.put("profiles.avatar_url", "text");
        expected.put("crawl_jobs.keywords", "jsonb");
        expected.put("job_chunks.image_range", "jsonb");
        expected.put("images.file_size", "bigint");
        expected.put("usage_metrics.storage_used_gb", "numeric(10,2)");
        expected.put("usage_metrics.metric_date", "date");
        expected.put("notification_preferences.quiet_hours_start", "time(6)");
        expected.put("notifications.is_read", "boolean");
        expected.put("profiles.created_at", "timestamp(6) with time zone");
        expected.put("profiles.user_tier", "varchar(20)");

        Metadata metadata = ModelMetadata.get();
        Map<String, String> actual = new LinkedHashMap<>();
        for (String key : expected.keySet()) {
            String[] tableAndColumn = key.split("\\.");
            Column column = metadata.getEntityBindings().stream()
                    .filter(e -> e.getTable().getName().equals(tableAndColumn[0]))
                    .findFirst().orElseThrow()
                    .getTable().getColumn(new Column(tableAndColumn[1]));
            actual.put(key, column.getSqlType(metadata));
        }
        assertEquals(expected, actual);
    }

    @Test
    void keysAreIdentityOrUuidGeneratedExceptTheProfilesSuppliedOne() {
        ModelMetadata.get().getEntityBindings().forEach(entity -> {
            String table = entity.getTable().getName();
            String expected = table.equals("profiles") ? "assigned"
                    : entity.getIdentifierProperty().getType().getReturnedClass() == Integer.class ? "identity"
                    : "generated";
            SimpleValue id = (SimpleValue) entity.getIdentifier();
            String actual = !ValidationAgreesWithSchemaTest.generatedId(entity) ? "assigned"
                    : id.getColumns().get(0).isIdentity() ? "identity" : "generated";
            assertEquals(expected, actual, table);
        });
    }
}
