package io.diffgen.broken.newlines;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A quoted table name with a line break and what would be a changeset line in a revision script. */
@Entity
@Table(name = "`nl_t\n--changeset evil:1\nDROP TABLE profiles;`")
public class Evil {
    @Id
    Long id;
}
