package io.diffgen.contributed;

import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.model.relational.SimpleAuxiliaryDatabaseObject;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;

import java.util.Set;

/**
 * An auxiliary database object, contributed the way a library adds one (a service on the classpath):
 * Hibernate's schema export creates the function after the tables, and so must diffgen. Kept off the
 * test classpath (a service there reaches every Hibernate the tests start), and it adds the function
 * only to the model with the {@code io.diffgen.viewentity} entities.
 */
public class PurchaseCountFunction implements AdditionalMappingContributor {
    @Override
    public void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
                           ResourceStreamLocator resources, MetadataBuildingContext context) {
        if (metadata.getEntityBinding("io.diffgen.viewentity.Purchase") == null) return;
        contributions.contributeAuxiliaryDatabaseObject(new SimpleAuxiliaryDatabaseObject(metadata.getDatabase().getDefaultNamespace(),
                "create function purchase_count() returns bigint language sql stable as 'select count(*) from Purchase'",
                "drop function purchase_count()", Set.of()));
    }
}
