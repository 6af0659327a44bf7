package io.diffgen.broken.longnames;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Its table's name and Two's share their first 63 bytes, all PostgreSQL keeps. */
@Entity
@Table(name = "ppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp_one")
public class One {
    @Id
    Long id;

    String aOnly;
}
