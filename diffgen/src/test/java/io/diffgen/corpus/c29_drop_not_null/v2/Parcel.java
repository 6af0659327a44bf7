package io.diffgen.corpus.c29_drop_not_null.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "parcel")
public class Parcel {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "tracking_no", length = 40)
    String trackingNo;
}
