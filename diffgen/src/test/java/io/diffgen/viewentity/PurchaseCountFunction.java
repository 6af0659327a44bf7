package io.diffgen.viewentity;

import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.model.relational.SimpleAuxiliaryDatabaseObject;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;

import java.util.Set;

/**
 * An auxiliary database object, contributed the way a library adds one (a service on the classpath):
 * Hibernate's schema export creates the function after the tables, and so must diffgen. It adds it
 * to this package's model only.
 */
public class PurchaseCountFunction implements AdditionalMappingContributor {
    @Override
    public void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
                           ResourceStreamLocator resources, MetadataBuildingContext context) {
        if (metadata.getEntityBinding(Purchase.class.getName()) == null) return;
        contributions.contributeAuxiliaryDatabaseObject(new SimpleAuxiliaryDatabaseObject(metadata.getDatabase().getDefaultNamespace(),
                "create function purchase_count() returns bigint language sql stable as 'select count(*) from Purchase'",
                "drop function purchase_count()", Set.of()));
    }
}
