--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - create index uq_enrollment_course_student on enrollment
--   - add unique constraint uq_enrollment_course_student on enrollment[course_code, student_no] using its index
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "uq_enrollment_course_student" FROM (SELECT course_code, student_no, count(*) AS rows FROM enrollment WHERE course_code IS NOT NULL AND student_no IS NOT NULL GROUP BY course_code, student_no HAVING count(*) > 1) AS violations
SELECT 1 /* no schema change */;
--rollback SELECT 1;

--changeset diffgen:v2.2 logicalFilePath:<file> runInTransaction:false
--comment: create index uq_enrollment_course_student on enrollment
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE UNIQUE INDEX CONCURRENTLY uq_enrollment_course_student ON enrollment (course_code, student_no);
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback DROP INDEX CONCURRENTLY IF EXISTS uq_enrollment_course_student;

--changeset diffgen:v2.3 logicalFilePath:<file>
--comment: add unique constraint uq_enrollment_course_student on enrollment[course_code, student_no] using its index
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE enrollment ADD CONSTRAINT uq_enrollment_course_student UNIQUE USING INDEX uq_enrollment_course_student;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE enrollment DROP CONSTRAINT uq_enrollment_course_student;
