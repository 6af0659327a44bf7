--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - add unique constraint uq_enrollment_course_student on enrollment[course_code, student_no]
--
-- Warnings:
--   WARNING DG010: add unique constraint uq_enrollment_course_student on enrollment[course_code, student_no] checks every existing row under lock [validates-existing-rows, long lock]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE enrollment ADD CONSTRAINT uq_enrollment_course_student UNIQUE (course_code, student_no);
--rollback ALTER TABLE enrollment DROP CONSTRAINT uq_enrollment_course_student;
