SELECT email = 'a@example.org' FROM contact WHERE id = 1;
SELECT email = 'b@example.org' FROM contact WHERE id = 2;
SELECT is_nullable = 'NO' FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'contact' AND column_name = 'email';
