package io.diffgen.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The unpacked Hibernate readers of old diffgen builds leave the user's cache a day after their last use. */
class HibernateCacheTest {
    @Test
    void unpacksOfOtherBuildsUnusedForADayAreDeletedOthersStay(@TempDir Path cache) throws Exception {
        String base = "diffgen-hibernate-7.2-0.1.0-SNAPSHOT-";
        Path current = folder(cache, base + "100-1", Duration.ZERO);
        Path stale = folder(cache, base + "99-0", Duration.ofDays(3));
        Path partial = folder(cache, base + "98-0.partial-123", Duration.ofDays(2));
        Path recent = folder(cache, base + "97-0", Duration.ofHours(2));
        Path otherLine = folder(cache, "diffgen-hibernate-6.6-0.1.0-SNAPSHOT-50-0", Duration.ofDays(9));
        HibernateLines.used(current, cache, base);
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(List.of(otherLine, recent, current).stream().map(Path::getFileName).sorted().toList(),
                    left.map(Path::getFileName).sorted().toList(), "stale and partial unpacks of this reader gone; a recent one and other readers kept");
        }
        assertEquals(false, Files.exists(stale) || Files.exists(partial));
        Path used = folder(cache, base + "96-0", Duration.ofDays(5));
        HibernateLines.used(used, cache, base);
        assertEquals(true, Files.exists(used), "the one in use is kept, whatever its age");
    }

    private static Path folder(Path cache, String name, Duration age) throws Exception {
        Path dir = Files.createDirectories(cache.resolve(name));
        Files.writeString(dir.resolve("hibernate-core.jar"), "x");
        Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minus(age)));
        return dir;
    }
}
