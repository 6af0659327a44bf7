package io.diffgen.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the application's Hibernate settings come from, and which source wins. */
class HibernateSettingsTest {
    private static final String PHYSICAL = "hibernate.physical_naming_strategy";
    private static final String IMPLICIT = "hibernate.implicit_naming_strategy";

    private static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aPlainModelRunsWithHibernatesDefaults(@TempDir Path classes) {
        HibernateSettings s = HibernateSettings.resolve(List.of(classes), Map.of());
        assertEquals(Map.of(), s.values());
        assertEquals(List.of(), s.sources());
    }

    @Test
    void thePersistenceUnitOverridesHibernateProperties(@TempDir Path classes) throws IOException {
        write(classes, "hibernate.properties", "hibernate.globally_quoted_identifiers=true\nhibernate.validator.apply_to_ddl=true\n");
        write(classes, "META-INF/persistence.xml", """
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="first"><properties>
                    <property name="hibernate.validator.apply_to_ddl" value="false"/>
                  </properties></persistence-unit>
                  <persistence-unit name="second"><properties>
                    <property name="hibernate.column_ordering_strategy" value="legacy"/>
                  </properties></persistence-unit>
                </persistence>""");
        HibernateSettings s = HibernateSettings.resolve(List.of(classes), Map.of());
        assertEquals(Map.of("hibernate.globally_quoted_identifiers", "true", "hibernate.validator.apply_to_ddl", "false"), s.values(),
                "the first persistence unit only");
        assertEquals(List.of("hibernate.properties", "META-INF/persistence.xml"), s.sources());
    }

    @Test
    void aSpringBootApplicationGetsSpringBootsNamingAndItsSpringJpaProperties(@TempDir Path classes) throws IOException {
        write(classes, "application.yml", """
                spring:
                  jpa:
                    properties:
                      hibernate:
                        globally_quoted_identifiers: true
                    hibernate:
                      naming:
                        implicit-strategy: com.example.MyImplicit
                ---
                spring:
                  config:
                    activate:
                      on-profile: test
                  jpa:
                    hibernate:
                      naming:
                        physical-strategy: com.example.OnlyInTests
                """);
        HibernateSettings s = HibernateSettings.resolve(List.of(classes), Map.of());
        assertEquals(HibernateSettings.SPRING_PHYSICAL, s.values().get(PHYSICAL), "Spring Boot's default; the profile document is not applied");
        assertEquals("com.example.MyImplicit", s.values().get(IMPLICIT));
        assertEquals("true", s.values().get("hibernate.globally_quoted_identifiers"));
        assertEquals(List.of("Spring Boot"), s.sources());
    }

    @Test
    void withoutSpringBootOnTheClasspathItsImplicitNamingIsDiffgensEquivalent(@TempDir Path classes) throws IOException {
        write(classes, "application.properties", "spring.jpa.properties.hibernate.column_ordering_strategy=legacy\nserver.port=8080\n");
        HibernateSettings s = HibernateSettings.resolve(List.of(classes), Map.of());
        assertEquals(Map.of(PHYSICAL, HibernateSettings.SPRING_PHYSICAL, IMPLICIT, HibernateSettings.SPRING_IMPLICIT_COPY,
                "hibernate.column_ordering_strategy", "legacy"), s.values());
    }

    /** A jar holding Spring Boot's application class and its implicit naming strategy {@code implicit}, as class files. */
    private static Path springBootJar(Path dir, String implicit) throws IOException {
        Path jar = dir.resolve("spring-boot.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("org/springframework/boot/SpringApplication.class", implicit.replace('.', '/') + ".class")) {
                out.putNextEntry(new JarEntry(name));
                out.write(new byte[]{0});
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void onSpringBoot4ItsImplicitNamingIsFoundWhereBoot4MovedIt(@TempDir Path dir) throws IOException {
        Path jar = springBootJar(dir, HibernateSettings.SPRING_4_IMPLICIT);
        HibernateSettings s = HibernateSettings.resolve(List.of(dir.resolve("classes"), jar), Map.of());
        assertEquals(HibernateSettings.SPRING_4_IMPLICIT, s.values().get(IMPLICIT), "Spring Boot 4's own class, from its jar");
    }

    @Test
    void springBootItselfOnTheClasspathMakesItASpringBootApplication(@TempDir Path dir) throws IOException {
        Path jar = springBootJar(dir, HibernateSettings.SPRING_IMPLICIT);
        HibernateSettings s = HibernateSettings.resolve(List.of(dir.resolve("classes"), jar), Map.of());
        assertEquals(HibernateSettings.SPRING_IMPLICIT, s.values().get(IMPLICIT), "Spring's own class, from its jar");
    }

    @Test
    void settingsGivenToDiffgenWinOverEverySourceOnTheClasspath(@TempDir Path classes) throws IOException {
        write(classes, "hibernate.properties", PHYSICAL + "=com.example.FromFile\n");
        write(classes, "application.properties", "spring.jpa.hibernate.naming.physical-strategy=com.example.FromSpring\n");
        HibernateSettings s = HibernateSettings.resolve(List.of(classes), Map.of(PHYSICAL, "com.example.Given"));
        assertEquals("com.example.Given", s.values().get(PHYSICAL));
        assertEquals(List.of("hibernate.properties", "Spring Boot", "diffgen settings"), s.sources());
    }

    @Test
    void springBootsConfigFolderOverridesTheRootAsSpringBootReadsThem(@TempDir Path classes) throws IOException {
        write(classes, "application.properties", "spring.jpa.hibernate.naming.physical-strategy=com.example.Root\n"
                + "spring.jpa.properties.hibernate.column_ordering_strategy=legacy\n");
        write(classes, "config/application.yml", "spring:\n  jpa:\n    hibernate:\n      naming:\n        physical-strategy: com.example.FromYaml\n");
        write(classes, "config/application.properties", "spring.jpa.hibernate.naming.physical-strategy=com.example.Config\n");
        HibernateSettings s = HibernateSettings.resolve(List.of(classes), Map.of());
        assertEquals("com.example.Config", s.values().get(PHYSICAL), "config/application.properties wins");
        assertEquals("legacy", s.values().get("hibernate.column_ordering_strategy"), "what config/ does not set, the root's file does");
    }

    @Test
    void onlyConfigApplicationYmlMakesItASpringBootApplication(@TempDir Path classes) throws IOException {
        write(classes, "config/application.yml", "server:\n  port: 8080\n");
        assertEquals(HibernateSettings.SPRING_PHYSICAL, HibernateSettings.resolve(List.of(classes), Map.of()).values().get(PHYSICAL));
    }

    @Test
    void aMisspeltSettingIsRefusedByName() {
        for (String line : HibernateLines.LINES) {
            HibernateLines.Choice bundled = new HibernateLines.Choice(line, "bundled", java.util.Optional.empty());
            try (IsolatedModelReader reader = HibernateLines.open(bundled, List.of(TestModels.PIXCRAWLER_CLASSES))) {
                java.util.Set<String> known = reader.knownSettings();
                io.diffgen.DiffgenException e = assertThrows(io.diffgen.DiffgenException.class,
                        () -> HibernateSettings.check(Map.of("hibernate.phisical_naming_strategy", "x"), known));
                assertTrue(e.getMessage().startsWith("unknown Hibernate setting 'hibernate.phisical_naming_strategy'"), e.getMessage());
                HibernateSettings.check(Map.of("hibernate.validator.apply_to_ddl", "false", "hibernate.physical_naming_strategy", "x"), known);
            }
        }
    }

    @Test
    void aBrokenApplicationYmlIsNamed(@TempDir Path classes) throws IOException {
        write(classes, "application.yml", "spring: [unclosed\n");
        ModelException e = assertThrows(ModelException.class, () -> HibernateSettings.resolve(List.of(classes), Map.of()));
        assertTrue(e.getMessage().startsWith("cannot read application.yml on the model classpath"), e.getMessage());
    }
}
