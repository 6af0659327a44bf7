package io.pixcrawler.model;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The persistence unit tools read (diffgen among them) says what the application's own session factories use. */
class PersistenceUnitSettingsTest {
    @Test
    void thePersistenceUnitCarriesTheSessionFactorySettings() throws Exception {
        Map<String, Object> declared = new HashMap<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/persistence.xml")) {
            assertNotNull(in, "META-INF/persistence.xml is on the model's classpath");
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList properties = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "property");
            for (int i = 0; i < properties.getLength(); i++) {
                Element p = (Element) properties.item(i);
                declared.put(p.getAttribute("name"), p.getAttribute("value"));
            }
        }
        assertEquals(PixCrawlerModel.SESSION_FACTORY_SETTINGS, declared);
    }
}
