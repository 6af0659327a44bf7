package io.diffgen.corpus.c11_composite_unique.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "enrollment")
public class Enrollment {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "course_code", length = 10, nullable = false)
    String courseCode;

    @Column(name = "student_no", nullable = false)
    Integer studentNo;
}
