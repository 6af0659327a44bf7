SELECT count(*) = 3 FROM enrollment;
SELECT pg_get_constraintdef(oid) = 'UNIQUE (course_code, student_no)' FROM pg_constraint WHERE conname = 'uq_enrollment_course_student' AND contype = 'u';
