INSERT INTO enrollment (id, course_code, student_no) VALUES (1, 'CS101', 7), (2, 'CS101', 8), (3, 'MA201', 7);
