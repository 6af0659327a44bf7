--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - create index uq_enrollment_course_student on enrollment
--   - add unique constraint uq_enrollment_course_student on enrollment[course_code, student_no] using its index
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SELECT 1 /* no schema change */;
--rollback SELECT 1;

--changeset diffgen:v2.2 logicalFilePath:<file> runInTransaction:false
--comment: create index uq_enrollment_course_student on enrollment
CREATE UNIQUE INDEX CONCURRENTLY uq_enrollment_course_student ON enrollment (course_code, student_no);
--rollback DROP INDEX CONCURRENTLY uq_enrollment_course_student;

--changeset diffgen:v2.3 logicalFilePath:<file>
--comment: add unique constraint uq_enrollment_course_student on enrollment[course_code, student_no] using its index
ALTER TABLE enrollment ADD CONSTRAINT uq_enrollment_course_student UNIQUE USING INDEX uq_enrollment_course_student;
--rollback ALTER TABLE enrollment DROP CONSTRAINT uq_enrollment_course_student;
--rollback CREATE UNIQUE INDEX uq_enrollment_course_student ON enrollment (course_code, student_no);
