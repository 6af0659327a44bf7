package io.diffgen.corpus.c45_primary_key_added_to_busy_table.v1;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "article")
public class Article {
    @Id
    @Column(name = "id")
    Integer id;

    /** a bag: its table has no primary key */
    @ElementCollection
    @CollectionTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"), foreignKey = @ForeignKey(name = "fk_article_tag_article"))
    @Column(name = "tag", length = 40)
    java.util.List<String> tags;
}
