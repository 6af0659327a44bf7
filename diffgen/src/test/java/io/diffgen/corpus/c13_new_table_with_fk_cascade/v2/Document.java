package io.diffgen.corpus.c13_new_table_with_fk_cascade.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

@Entity
@Table(name = "document")
public class Document {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "title", length = 100, nullable = false)
    String title;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "folder_id", nullable = false, foreignKey = @ForeignKey(name = "fk_document_folder"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    Folder folder;
}
