package io.pixcrawler.model;

import io.pixcrawler.model.CheckExpression.Bound;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.SimpleValue;
import org.hibernate.mapping.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bean Validation must say what the schema says: @NotNull exactly on NOT NULL columns (less those
 * Hibernate fills), @Size(max) equal to each varchar length, @Digits equal to each numeric's precision
 * and scale, min/max constraints equal to the range CHECKs, and enum columns limited by a CHECK to
 * exactly the enum's values. Walks every entity of {@link PixCrawlerModel#ENTITIES}.
 */
class ValidationAgreesWithSchemaTest {
    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

    private static final Metadata METADATA = ModelMetadata.get();
    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = VALIDATION.getValidator();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void everyEntityIsMapped() {
        Set<Class<?>> mapped = METADATA.getEntityBindings().stream()
                .map(PersistentClass::getMappedClass).collect(Collectors.toSet());
        assertEquals(Set.copyOf(PixCrawlerModel.ENTITIES), mapped);
        assertEquals(14, mapped.size());
    }

    @Test
    void beanValidationAgreesWithEveryColumn() {
        List<String> problems = new ArrayList<>();
        for (PersistentClass entity : METADATA.getEntityBindings()) {
            Map<String, Set<Bound>> checkBounds = rangeChecks(entity.getTable(), problems);
            for (Property property : columnProperties(entity)) {
                if (property.getColumns().size() != 1) {
                    problems.add(where(entity, property, null) + ": expected one column, got " + property.getColumns());
                    continue;
                }
                Column column = property.getColumns().get(0);
                String where = where(entity, property, column);
                Set<ConstraintDescriptor<?>> constraints = constraints(entity.getMappedClass(), property.getName());
                checkNotNull(entity, property, column, constraints, where, problems);
                checkSize(property, column, constraints, where, problems);
                checkDigits(column, constraints, where, problems);
                checkBounds(column, constraints, checkBounds.getOrDefault(column.getName(), Set.of()), where, problems);
            }
        }
        assertTrue(problems.isEmpty(), "Bean Validation disagrees with the schema:\n" + String.join("\n", problems));
    }

    @Test
    void everyEnumColumnHasACheckWithExactlyItsValues() {
        List<String> problems = new ArrayList<>();
        int enumColumns = 0;
        for (PersistentClass entity : METADATA.getEntityBindings()) {
            Table table = entity.getTable();
            // the model's named CHECKs; Hibernate 7 adds an unnamed one of its own on each converted enum column
            Map<String, List<CheckExpression.ValueList>> valueLists = new HashMap<>();
            Map<String, List<CheckExpression.ValueList>> hibernates = new HashMap<>();
            for (CheckConstraint check : checks(table)) {
                if (CheckExpression.parse(check.getConstraint()).orElse(null) instanceof CheckExpression.ValueList list) {
                    (check.isNamed() ? valueLists : hibernates).computeIfAbsent(list.column(), c -> new ArrayList<>()).add(list);
                }
            }
            Set<String> enumColumnNames = new HashSet<>();
            for (Property property : columnProperties(entity)) {
                Optional<DbEnumConverter<?>> converter = dbEnumConverter(property);
                if (converter.isEmpty()) {
                    continue;
                }
                enumColumns++;
                Column column = property.getColumns().get(0);
                enumColumnNames.add(column.getName());
                String where = where(entity, property, column);
                List<String> dbValues = converter.get().dbValues();
                List<CheckExpression.ValueList> lists = valueLists.getOrDefault(column.getName(), List.of());
                if (lists.size() != 1) {
                    problems.add(where + ": expected one IN-list CHECK, found " + lists.size());
                } else if (!new TreeSet<>(lists.get(0).values()).equals(new TreeSet<>(dbValues))
                        || lists.get(0).values().size() != dbValues.size()) {
                    problems.add(where + ": CHECK allows " + lists.get(0).values() + " but the enum's values are " + dbValues);
                }
                List<CheckExpression.ValueList> own = hibernates.getOrDefault(column.getName(), List.of());
                if (own.size() != 1 || !new TreeSet<>(own.get(0).values()).equals(new TreeSet<>(dbValues))) {
                    problems.add(where + ": Hibernate's own CHECK allows " + own + " but the enum's values are " + dbValues);
                }
                Matcher varchar = VARCHAR.matcher(column.getSqlType(METADATA));
                int longest = dbValues.stream().mapToInt(String::length).max().orElse(0);
                if (!varchar.matches() || Integer.parseInt(varchar.group(1)) < longest) {
                    problems.add(where + ": " + column.getSqlType(METADATA) + " cannot hold a value of length " + longest);
                }
            }
            for (String listed : valueLists.keySet()) {
                if (!enumColumnNames.contains(listed)) {
                    problems.add(table.getName() + "." + listed + ": has an IN-list CHECK but is not mapped to a DbEnum");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(8, enumColumns, "enum-mapped columns");
    }

    // ---- the rules

    private static void checkNotNull(PersistentClass entity, Property property, Column column,
                                     Set<ConstraintDescriptor<?>> constraints, String where, List<String> problems) {
        boolean notNull = has(constraints, NotNull.class);
        if (filledByHibernate(entity, property)) {
            if (column.isNullable() || notNull) {
                problems.add(where + ": a generated column must be NOT NULL without @NotNull (Hibernate fills it after validation)");
            }
        } else if (notNull == column.isNullable()) {
            problems.add(where + (notNull ? ": @NotNull on a nullable column" : ": NOT NULL column without @NotNull"));
        }
    }

    private static void checkSize(Property property, Column column, Set<ConstraintDescriptor<?>> constraints,
                                  String where, List<String> problems) {
        Matcher varchar = VARCHAR.matcher(column.getSqlType(METADATA));
        Optional<Integer> sizeMax = of(constraints, Size.class).map(s -> ((Size) s.getAnnotation()).max()).findFirst();
        if (!varchar.matches()) {
            sizeMax.ifPresent(max -> problems.add(where + ": @Size(max = " + max + ") on a " + column.getSqlType(METADATA) + " column"));
        } else if (dbEnumConverter(property).isEmpty()) {
            int length = Integer.parseInt(varchar.group(1));
            if (sizeMax.isEmpty()) {
                problems.add(where + ": varchar(" + length + ") without @Size(max = " + length + ")");
            } else if (sizeMax.get() != length) {
                problems.add(where + ": varchar(" + length + ") but @Size(max = " + sizeMax.get() + ")");
            }
        }
    }

    private static void checkDigits(Column column, Set<ConstraintDescriptor<?>> constraints, String where, List<String> problems) {
        Matcher numeric = NUMERIC.matcher(column.getSqlType(METADATA));
        Optional<Digits> digits = of(constraints, Digits.class).map(d -> (Digits) d.getAnnotation()).findFirst();
        if (!numeric.matches()) {
            digits.ifPresent(d -> problems.add(where + ": @Digits on a " + column.getSqlType(METADATA) + " column"));
            return;
        }
        int precision = Integer.parseInt(numeric.group(1));
        int scale = Integer.parseInt(numeric.group(2));
        if (digits.isEmpty() || digits.get().integer() != precision - scale || digits.get().fraction() != scale) {
            problems.add(where + ": numeric(" + precision + "," + scale + ") needs @Digits(integer = "
                    + (precision - scale) + ", fraction = " + scale + ")");
        }
    }

    private static void checkBounds(Column column, Set<ConstraintDescriptor<?>> constraints, Set<Bound> fromChecks,
                                    String where, List<String> problems) {
        boolean integral = Set.of(Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT)
                .contains(column.getSqlTypeCode(METADATA));
        Set<Bound> expected = normalise(fromChecks, integral);
        Set<Bound> declared = normalise(validationBounds(column.getName(), constraints), integral);
        if (!expected.equals(declared)) {
            problems.add(where + ": CHECKs say " + expected + " but Bean Validation says " + declared);
        }
    }

    // ---- reading the metadata

    /** The identifier and the properties that own a column in the entity's table. */
    private static List<Property> columnProperties(PersistentClass entity) {
        return Stream.concat(Stream.of(entity.getIdentifierProperty()), entity.getProperties().stream())
                .filter(p -> p.getValue() instanceof SimpleValue)
                .toList();
    }

    /** Hibernate generates the value: a generated id, or a @CreationTimestamp/@UpdateTimestamp column. */
    private static boolean filledByHibernate(PersistentClass entity, Property property) {
        if (property == entity.getIdentifierProperty()) {
            return generatedId(entity);
        }
        return property.getValueGeneratorCreator() != null;
    }

    static List<CheckConstraint> checks(Table table) {
        List<CheckConstraint> checks = new ArrayList<>(table.getChecks());
        table.getColumns().forEach(c -> checks.addAll(c.getCheckConstraints()));
        return checks;
    }

    /**
     * Range CHECKs by column; every CHECK must be named and of a form this test knows, except the
     * unnamed IN-list Hibernate 7 itself puts on a converted enum column (checked beside the named one
     * in {@link #everyEnumColumnHasACheckWithExactlyItsValues}).
     */
    private static Map<String, Set<Bound>> rangeChecks(Table table, List<String> problems) {
        Map<String, Set<Bound>> bounds = new HashMap<>();
        for (CheckConstraint check : checks(table)) {
            String where = table.getName() + " CHECK " + check.getName() + " (" + check.getConstraint() + ")";
            boolean hibernatesOwnEnumCheck = !check.isNamed()
                    && CheckExpression.parse(check.getConstraint()).orElse(null) instanceof CheckExpression.ValueList;
            if (!check.isNamed() && !hibernatesOwnEnumCheck) {
                problems.add(where + ": unnamed");
            }
            Optional<CheckExpression> parsed = CheckExpression.parse(check.getConstraint());
            if (parsed.isEmpty()) {
                problems.add(where + ": not a form this test understands; extend CheckExpression");
            } else if (parsed.get() instanceof CheckExpression.Range range) {
                for (Bound bound : range.bounds()) {
                    if (table.getColumn(new Column(bound.column())) == null) {
                        problems.add(where + ": no column " + bound.column());
                    }
                    bounds.computeIfAbsent(bound.column(), c -> new HashSet<>()).add(bound);
                }
            }
        }
        return bounds;
    }

    @SuppressWarnings("unchecked")
    private static Optional<DbEnumConverter<?>> dbEnumConverter(Property property) {
        if (!(property.getValue() instanceof SimpleValue value) || value.getJpaAttributeConverterDescriptor() == null) {
            return Optional.empty();
        }
        Class<?> converterClass = value.getJpaAttributeConverterDescriptor().getAttributeConverterClass();
        if (!DbEnumConverter.class.isAssignableFrom(converterClass)) {
            return Optional.empty();
        }
        try {
            return Optional.of((DbEnumConverter<?>) converterClass.getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(converterClass + " needs a public no-argument constructor", e);
        }
    }

    // ---- reading Bean Validation's metadata

    private static Set<ConstraintDescriptor<?>> constraints(Class<?> type, String property) {
        PropertyDescriptor descriptor = VALIDATOR.getConstraintsForClass(type).getConstraintsForProperty(property);
        Set<ConstraintDescriptor<?>> all = new HashSet<>();
        if (descriptor != null) {
            descriptor.getConstraintDescriptors().forEach(d -> addWithComposing(d, all));
        }
        return all;
    }

    private static void addWithComposing(ConstraintDescriptor<?> descriptor, Set<ConstraintDescriptor<?>> into) {
        into.add(descriptor);
        descriptor.getComposingConstraints().forEach(d -> addWithComposing(d, into));
    }

    private static Stream<ConstraintDescriptor<?>> of(Set<ConstraintDescriptor<?>> constraints,
                                                      Class<? extends Annotation> type) {
        return constraints.stream().filter(c -> c.getAnnotation().annotationType() == type);
    }

    private static boolean has(Set<ConstraintDescriptor<?>> constraints, Class<? extends Annotation> type) {
        return of(constraints, type).findAny().isPresent();
    }

    private static Set<Bound> validationBounds(String column, Set<ConstraintDescriptor<?>> constraints) {
        Set<Bound> bounds = new HashSet<>();
        for (ConstraintDescriptor<?> c : constraints) {
            Annotation a = c.getAnnotation();
            if (a instanceof Min min) {
                bounds.add(new Bound(column, true, BigDecimal.valueOf(min.value()), true));
            } else if (a instanceof Max max) {
                bounds.add(new Bound(column, false, BigDecimal.valueOf(max.value()), true));
            } else if (a instanceof DecimalMin min) {
                bounds.add(new Bound(column, true, new BigDecimal(min.value()), min.inclusive()));
            } else if (a instanceof DecimalMax max) {
                bounds.add(new Bound(column, false, new BigDecimal(max.value()), max.inclusive()));
            } else if (a instanceof Positive) {
                bounds.add(new Bound(column, true, BigDecimal.ZERO, false));
            } else if (a instanceof PositiveOrZero) {
                bounds.add(new Bound(column, true, BigDecimal.ZERO, true));
            } else if (a instanceof Negative) {
                bounds.add(new Bound(column, false, BigDecimal.ZERO, false));
            } else if (a instanceof NegativeOrZero) {
                bounds.add(new Bound(column, false, BigDecimal.ZERO, true));
            }
        }
        return bounds;
    }

    private static Set<Bound> normalise(Set<Bound> bounds, boolean integral) {
        return bounds.stream().map(b -> integral ? b.asInclusiveInteger() : b).collect(Collectors.toSet());
    }

    private static String where(PersistentClass entity, Property property, Column column) {
        return entity.getTable().getName() + "." + (column == null ? "?" : column.getName())
                + " (" + entity.getMappedClass().getSimpleName() + "." + property.getName() + ")";
    }

    /** The id is generated ({@code @GeneratedValue}), not assigned by the application. */
    static boolean generatedId(PersistentClass entity) {
        for (Class<?> c = entity.getMappedClass(); c != null; c = c.getSuperclass()) {
            for (java.lang.reflect.Field field : c.getDeclaredFields()) {
                if (field.getName().equals(entity.getIdentifierProperty().getName())) {
                    return field.isAnnotationPresent(jakarta.persistence.GeneratedValue.class);
                }
            }
        }
        return false;
    }
}
