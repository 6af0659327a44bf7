package io.pixcrawler.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DbEnumConverterTest {
    private final NotificationCategory.Converter converter = new NotificationCategory.Converter();

    @Test
    void convertsBothWaysByDatabaseValue() {
        assertEquals("crawl_job", converter.convertToDatabaseColumn(NotificationCategory.CRAWL_JOB));
        assertEquals(NotificationCategory.CRAWL_JOB, converter.convertToEntityAttribute("crawl_job"));
        assertEquals("ENTERPRISE", new UserTier.Converter().convertToDatabaseColumn(UserTier.ENTERPRISE));
        for (ChunkStatus status : ChunkStatus.values()) {
            ChunkStatus.Converter c = new ChunkStatus.Converter();
            assertEquals(status, c.convertToEntityAttribute(c.convertToDatabaseColumn(status)));
        }
    }

    @Test
    void nullStaysNull() {
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }

    @Test
    void anUnknownDatabaseValueIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> converter.convertToEntityAttribute("CRAWL_JOB"));
        assertEquals("no NotificationCategory for database value 'CRAWL_JOB'", e.getMessage());
    }

    @Test
    void listsTheDatabaseValuesInDeclarationOrder() {
        assertEquals(List.of("pending", "processing", "completed", "failed"), new ChunkStatus.Converter().dbValues());
    }
}
