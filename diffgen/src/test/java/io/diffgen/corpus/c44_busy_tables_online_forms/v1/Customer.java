package io.diffgen.corpus.c44_busy_tables_online_forms.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;

@Entity
@Table(name = "customer")
@Check(name = "ck_customer_name", constraints = "char_length(name) > 0")
public class Customer {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "email", length = 200)
    String email;

    @Column(name = "name", length = 100)
    String name;
}
