package io.diffgen.hibernate;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitForeignKeyNameSource;
import org.hibernate.boot.model.naming.ImplicitIndexNameSource;
import org.hibernate.boot.model.naming.ImplicitUniqueKeyNameSource;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConventionalNamingStrategyTest {

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void shortNamesAreKept() {
        assertEquals("fk_book_author_id", ConventionalNamingStrategy.fitIdentifier("fk_book_author_id"));
        String exactly63 = "ix_" + "a".repeat(60);
        assertEquals(63, bytes(exactly63));
        assertEquals(exactly63, ConventionalNamingStrategy.fitIdentifier(exactly63));
    }

    @Test
    void longNamesAreCutTo63BytesWithAHashSuffix() {
        String long64 = "ix_" + "a".repeat(61);
        String fitted = ConventionalNamingStrategy.fitIdentifier(long64);
        assertEquals(63, bytes(fitted));
        assertTrue(fitted.matches("ix_a{51}_[0-9a-f]{8}"), fitted);
        String veryLong = "uq_" + "customer_account_".repeat(20);
        String fittedLong = ConventionalNamingStrategy.fitIdentifier(veryLong);
        assertEquals(63, fittedLong.length());
        assertTrue(fittedLong.startsWith(veryLong.substring(0, 54) + "_"), fittedLong);
    }

    @Test
    void fittingIsStable() {
        String name = "fk_" + "order_line_item_".repeat(6) + "product_id";
        String first = ConventionalNamingStrategy.fitIdentifier(name);
        for (int i = 0; i < 5; i++) {
            assertEquals(first, ConventionalNamingStrategy.fitIdentifier(new String(name.toCharArray())));
        }
        // a known value, so the hash cannot change silently between releases
        assertEquals("fk_order_line_item_order_line_item_order_line_item_ord_b4e39327", first);
    }

    @Test
    void longNamesSharingAPrefixStayDistinct() {
        String prefix = "ix_" + "warehouse_inventory_snapshot_".repeat(3);
        String a = ConventionalNamingStrategy.fitIdentifier(prefix + "sku");
        String b = ConventionalNamingStrategy.fitIdentifier(prefix + "bin");
        assertNotEquals(a, b);
        assertEquals(a.substring(0, 54), b.substring(0, 54), "same readable part");
        assertTrue(bytes(a) <= 63 && bytes(b) <= 63);
    }

    @Test
    void fittedNamesAreIdempotent() {
        String once = ConventionalNamingStrategy.fitIdentifier("ix_" + "z".repeat(100));
        assertEquals(once, ConventionalNamingStrategy.fitIdentifier(once));
    }

    @Test
    void nonAsciiNamesFitIn63Bytes() {
        String accented = "ix_" + "\u00e9".repeat(40);          // 43 chars, 83 bytes
        String longAccented = "ix_" + "\u00e9".repeat(80);      // 83 chars, 163 bytes
        String emoji = "ix_" + "\uD83D\uDE80".repeat(30);       // 63 chars, 123 bytes
        assertAll(
                () -> assertTrue(bytes(ConventionalNamingStrategy.fitIdentifier(accented)) <= 63),
                () -> assertTrue(bytes(ConventionalNamingStrategy.fitIdentifier(longAccented)) <= 63,
                        ConventionalNamingStrategy.fitIdentifier(longAccented)),
                () -> {
                    String fitted = ConventionalNamingStrategy.fitIdentifier(emoji);
                    assertTrue(bytes(fitted) <= 63, fitted);
                    assertEquals(fitted, new String(fitted.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), "no broken surrogate");
                });
    }

    // ------------------------------------------------------------------ the strategy itself

    private static List<Identifier> ids(String... names) {
        return Arrays.stream(names).map(Identifier::toIdentifier).toList();
    }

    /**
     * One source for a foreign key, a unique key and an index: a proxy, since on Hibernate 7 each of
     * these interfaces has a kind() of its own and no one type can implement all three.
     */
    private static Object source(Identifier table, List<Identifier> columns, Identifier given) {
        return java.lang.reflect.Proxy.newProxyInstance(ConventionalNamingStrategyTest.class.getClassLoader(),
                new Class<?>[] {ImplicitForeignKeyNameSource.class, ImplicitUniqueKeyNameSource.class, ImplicitIndexNameSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getTableName" -> table;
                    case "getColumnNames" -> columns;
                    case "getUserProvidedIdentifier" -> given;
                    case "getReferencedTableName" -> Identifier.toIdentifier("parent");
                    case "getReferencedColumnNames" -> ids("id");
                    case "getBuildingContext" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void unnamedConstraintsGetConventionalNames() {
        ConventionalNamingStrategy strategy = new ConventionalNamingStrategy();
        Object source = source(Identifier.toIdentifier("Book"), ids("author_id", "Edition"), null);
        assertEquals("fk_book_author_id_edition", strategy.determineForeignKeyName((ImplicitForeignKeyNameSource) source).getText());
        assertEquals("uq_book_author_id_edition", strategy.determineUniqueKeyName((ImplicitUniqueKeyNameSource) source).getText());
        assertEquals("ix_book_author_id_edition", strategy.determineIndexName((ImplicitIndexNameSource) source).getText());
    }

    @Test
    void givenNamesAreKept() {
        ConventionalNamingStrategy strategy = new ConventionalNamingStrategy();
        Identifier given = Identifier.toIdentifier("My_FK");
        Object source = source(Identifier.toIdentifier("book"), ids("author_id"), given);
        assertEquals(given, strategy.determineForeignKeyName((ImplicitForeignKeyNameSource) source));
        assertEquals(given, strategy.determineIndexName((ImplicitIndexNameSource) source));
    }

    @Test
    void longConventionalNamesAreFitted() {
        ConventionalNamingStrategy strategy = new ConventionalNamingStrategy();
        Object source = source(Identifier.toIdentifier("customer_loyalty_programme_membership"),
                ids("loyalty_programme_identifier", "membership_tier_code"), null);
        String name = strategy.determineIndexName((ImplicitIndexNameSource) source).getText();
        assertEquals(63, name.length());
        assertEquals("ix_customer_loyalty_programme_membership_loyalty_progr_78c971d8", name);
    }
}
