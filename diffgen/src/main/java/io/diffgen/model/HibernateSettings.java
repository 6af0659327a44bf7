package io.diffgen.model;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.stream.Stream;

/**
 * The Hibernate settings the application's own Hibernate runs with, so that diffgen maps the model
 * exactly as the application does. Read from the model's classpath and then overridden, lowest first:
 * <ol>
 *   <li>{@code hibernate.properties};</li>
 *   <li>the properties of the first persistence unit in {@code META-INF/persistence.xml};</li>
 *   <li>for a Spring Boot application (an {@code application.properties}/{@code .yml} at the root or in
 *       {@code config/}, or Spring Boot itself, on the classpath): Spring Boot's default naming strategies, then its
 *       {@code spring.jpa.hibernate.naming.*} and {@code spring.jpa.properties.*};</li>
 *   <li>the settings given to diffgen ({@code hibernate.*} keys in {@code diffgen.properties},
 *       {@code --hibernate-property KEY=VALUE}).</li>
 * </ol>
 */
public record HibernateSettings(Map<String, String> values, List<String> sources) {
    /** Spring Boot's default physical naming: {@code firstName} is {@code first_name}. */
    static final String SPRING_PHYSICAL = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";
    /** Spring Boot's default implicit naming, used when Spring Boot's class is on the model classpath: Boot 3's. */
    static final String SPRING_IMPLICIT = "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy";
    /** The same class in Spring Boot 4, which moved it to its spring-boot-hibernate module. */
    static final String SPRING_4_IMPLICIT = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";

    static final String PHYSICAL_NAMING_STRATEGY = "hibernate.physical_naming_strategy";
    static final String IMPLICIT_NAMING_STRATEGY = "hibernate.implicit_naming_strategy";
    /** diffgen's copy of Spring Boot's implicit naming, in each Hibernate line's reader. */
    static final String SPRING_IMPLICIT_COPY = "io.diffgen.hibernate.SpringImplicitNamingStrategy";

    public HibernateSettings {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        sources = List.copyOf(sources);
    }

    public static HibernateSettings none() {
        return new HibernateSettings(Map.of(), List.of());
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * Checks settings a user typed against the keys the Hibernate that reads the model knows, so a
     * misspelt key is an error, not silently nothing.
     */
    public static void check(Map<String, String> given, Set<String> known) {
        for (String key : given.keySet()) {
            if (!known.contains(key)) {
                throw new io.diffgen.DiffgenException(io.diffgen.DiffgenException.ErrorCode.USAGE, "unknown Hibernate setting '" + key
                        + "' (expected a key of org.hibernate.cfg.AvailableSettings, such as hibernate.physical_naming_strategy, "
                        + "or of a Hibernate module on the model classpath, such as Envers)");
            }
        }
    }

    /** The settings for a model on {@code classpath}, with {@code given} (already checked) on top. */
    public static HibernateSettings resolve(List<Path> classpath, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        resource(classpath, "hibernate.properties").ifPresent(text -> {
            values.putAll(properties(text, "hibernate.properties"));
            sources.add("hibernate.properties");
        });
        resource(classpath, "META-INF/persistence.xml").ifPresent(text -> {
            values.putAll(persistenceUnitProperties(text));
            sources.add("META-INF/persistence.xml");
        });
        Optional<Map<String, String>> spring = springBootProperties(classpath);
        if (spring.isPresent()) {
            values.put(PHYSICAL_NAMING_STRATEGY, SPRING_PHYSICAL);
            values.put(IMPLICIT_NAMING_STRATEGY, Stream.of(SPRING_4_IMPLICIT, SPRING_IMPLICIT)
                    .filter(name -> resource(classpath, name.replace('.', '/') + ".class").isPresent())
                    .findFirst().orElse(SPRING_IMPLICIT_COPY));
            for (Map.Entry<String, String> e : spring.get().entrySet()) {
                String key = e.getKey();
                if (key.equals("spring.jpa.hibernate.naming.physical-strategy")) {
                    values.put(PHYSICAL_NAMING_STRATEGY, e.getValue());
                } else if (key.equals("spring.jpa.hibernate.naming.implicit-strategy")) {
                    values.put(IMPLICIT_NAMING_STRATEGY, e.getValue());
                } else if (key.startsWith("spring.jpa.properties.")) {
                    values.put(key.substring("spring.jpa.properties.".length()), e.getValue());
                }
            }
            sources.add("Spring Boot");
        }
        values.putAll(given);
        if (!given.isEmpty()) {
            sources.add("diffgen settings");
        }
        return new HibernateSettings(values, sources);
    }

    /**
     * Spring Boot's application properties, or empty when the model is not a Spring Boot application:
     * {@code application.yml}/{@code .yaml}, then {@code application.properties}, at the classpath's
     * root and then in its {@code config/} folder, each overriding the one before, as Spring Boot reads them.
     */
    private static Optional<Map<String, String>> springBootProperties(List<Path> classpath) {
        Map<String, String> flat = new LinkedHashMap<>();
        boolean found = false;
        for (String folder : List.of("", "config/")) {
            for (String name : List.of(folder + "application.yml", folder + "application.yaml")) {
                Optional<String> text = resource(classpath, name);
                if (text.isPresent()) {
                    found = true;
                    try {
                        for (Object document : new Yaml().loadAll(new StringReader(text.get()))) {
                            if (document instanceof Map<?, ?> map && !map.containsKey("spring.config.activate.on-profile")
                                    && !hasProfile(map)) {
                                flatten("", map, flat);
                            }
                        }
                    } catch (RuntimeException e) {
                        throw new ModelException("cannot read " + name + " on the model classpath: " + e.getMessage().lines().findFirst().orElse(""), e);
                    }
                }
            }
            Optional<String> properties = resource(classpath, folder + "application.properties");
            if (properties.isPresent()) {
                found = true;
                flat.putAll(properties(properties.get(), folder + "application.properties"));
            }
        }
        found |= resource(classpath, "org/springframework/boot/SpringApplication.class").isPresent();
        return found ? Optional.of(flat) : Optional.empty();
    }

    private static boolean hasProfile(Map<?, ?> document) {
        return document.get("spring") instanceof Map<?, ?> spring && spring.get("config") instanceof Map<?, ?> config
                && config.get("activate") instanceof Map<?, ?> activate && activate.containsKey("on-profile");
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> into) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                flatten(key, nested, into);
            } else if (e.getValue() != null) {
                into.put(key, String.valueOf(e.getValue()));
            }
        }
    }

    private static Map<String, String> properties(String text, String name) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelException("cannot read " + name + " on the model classpath: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).strip()));
        return values;
    }

    private static Map<String, String> persistenceUnitProperties(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            NodeList units = document.getElementsByTagNameNS("*", "persistence-unit");
            Map<String, String> values = new LinkedHashMap<>();
            if (units.getLength() > 0) {
                NodeList properties = ((Element) units.item(0)).getElementsByTagNameNS("*", "property");
                for (int i = 0; i < properties.getLength(); i++) {
                    Element property = (Element) properties.item(i);
                    values.put(property.getAttribute("name"), property.getAttribute("value"));
                }
            }
            return values;
        } catch (Exception e) {
            throw new ModelException("cannot read META-INF/persistence.xml on the model classpath: " + e.getMessage(), e);
        }
    }

    /**
     * A text file from the model's own classpath entries (not diffgen's), first entry first; a model
     * with no classpath of its own is on diffgen's.
     */
    static Optional<String> resource(List<Path> classpath, String name) {
        if (classpath.isEmpty()) {
            try (InputStream in = HibernateSettings.class.getClassLoader().getResourceAsStream(name)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ModelException("cannot read " + name + ": " + e.getMessage(), e);
            }
        }
        for (Path entry : classpath) {
            try {
                if (Files.isDirectory(entry)) {
                    Path file = entry.resolve(name);
                    if (Files.isRegularFile(file)) {
                        return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                    }
                } else if (Files.isRegularFile(entry)) {
                    try (JarFile jar = new JarFile(entry.toFile())) {
                        ZipEntry found = jar.getEntry(name);
                        if (found != null) {
                            try (InputStream in = jar.getInputStream(found)) {
                                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new ModelException("cannot read " + name + " from " + entry + ": " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }
}
