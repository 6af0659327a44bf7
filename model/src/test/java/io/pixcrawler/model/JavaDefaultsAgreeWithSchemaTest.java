package io.pixcrawler.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new entity must hold the column defaults already, so that what Java persists is what the
 * database would have filled in: compares each @ColumnDefault with the field's initial value.
 */
class JavaDefaultsAgreeWithSchemaTest {
    /** Defaults computed by the database or by Hibernate at insert time. */
    private static final Set<String> FUNCTIONS = Set.of("now()", "gen_random_uuid()");
    private static final Pattern STRING = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern JSONB = Pattern.compile("'((?:[^']|'')*)'::jsonb");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void newEntitiesHoldTheColumnDefaults() throws Exception {
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (PersistentClass entity : ModelMetadata.get().getEntityBindings()) {
            Object fresh = newInstance(entity.getMappedClass());
            for (Property property : entity.getProperties()) {
                if (property.getColumns().size() != 1) {
                    continue;
                }
                Column column = property.getColumns().get(0);
                String dbDefault = column.getDefaultValue();
                if (dbDefault == null || FUNCTIONS.contains(dbDefault)) {
                    continue;
                }
                compared++;
                Object javaValue = field(entity.getMappedClass(), property.getName()).get(fresh);
                if (!agrees(dbDefault, javaValue)) {
                    problems.add(entity.getTable().getName() + "." + column.getName() + ": DEFAULT " + dbDefault
                            + " but a new " + entity.getMappedClass().getSimpleName() + " holds " + javaValue);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(compared > 50, "compared only " + compared + " defaults");
    }

    private static boolean agrees(String dbDefault, Object javaValue) throws Exception {
        Matcher jsonb = JSONB.matcher(dbDefault);
        if (jsonb.matches()) {
            return javaValue != null
                    && JSON.readTree(jsonb.group(1).replace("''", "'")).equals(JSON.valueToTree(javaValue));
        }
        Matcher string = STRING.matcher(dbDefault);
        if (string.matches()) {
            String text = string.group(1).replace("''", "'");
            return javaValue instanceof DbEnum e ? e.dbValue().equals(text) : text.equals(javaValue);
        }
        if (javaValue instanceof Boolean b) {
            return dbDefault.equals(b.toString());
        }
        if (javaValue instanceof BigDecimal d) {
            return new BigDecimal(dbDefault).equals(d);
        }
        if (javaValue instanceof Integer || javaValue instanceof Long) {
            return dbDefault.equals(javaValue.toString());
        }
        return false;
    }

    private static Object newInstance(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
