package io.diffgen.corpus.c11_composite_unique.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(name = "enrollment", uniqueConstraints = @UniqueConstraint(name = "uq_enrollment_course_student", columnNames = {"course_code", "student_no"}))
public class Enrollment {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "course_code", length = 10, nullable = false)
    String courseCode;

    @Column(name = "student_no", nullable = false)
    Integer studentNo;
}
