package io.diffgen.broken.options;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Table options (Jakarta Persistence 3.2) other than storage parameters, which diffgen does not write
 * or compare: refused, not lost.
 */
@Entity
@Table(name = "ticket_log", options = "tablespace pg_default")
public class TicketLog {
    @Id
    Long id;
}
