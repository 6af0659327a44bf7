package io.diffgen.broken.longnames;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "ppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp_two")
public class Two {
    @Id
    Long id;

    String bOnly;
}
