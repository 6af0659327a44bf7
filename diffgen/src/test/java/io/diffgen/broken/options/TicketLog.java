package io.diffgen.broken.options;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Storage options (Jakarta Persistence 3.2), which diffgen does not write or compare yet: refused, not lost. */
@Entity
@Table(name = "ticket_log", options = "with (fillfactor = 70)")
public class TicketLog {
    @Id
    Long id;
}
