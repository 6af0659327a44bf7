package io.diffgen.corpus.c35_names_over_63_bytes.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Min;

/** Names past PostgreSQL's 63 bytes, which it cuts: the table, its primary key, a column and its unnamed CHECK. */
@Entity
@Table(name = "a_table_name_that_goes_on_well_past_the_sixty_three_bytes_postgresql_keeps")
public class Verbose {
    @Id
    Integer id;

    @Min(0)
    @Column(name = "a_column_name_that_also_goes_on_well_past_the_sixty_three_bytes_postgresql_keeps")
    Integer amount;

    @Column(name = "second_column_whose_name_is_also_far_longer_than_postgresql_keeps_for_it")
    Integer second;
}
