#!/usr/bin/env bash
# End-to-end: the README's commands, run the way a user runs them (make targets over the packaged
# CLI), in a copy of this checkout with its own local database. Exits non-zero on the first surprise.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'cd "$work/repo" 2>/dev/null && make -s db-stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
pass=0

# A copy of the tracked files plus the build output, keeping timestamps so make sees the jar as fresh.
mkdir "$work/repo"
(cd "$repo" && git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} sh -c 'test -e "$1" && cp --parents -p "$1" "$2"' _ {} "$work/repo")
cp -rp "$repo/diffgen/target" "$work/repo/diffgen/"
cp -rp "$repo/model/target" "$work/repo/model/"
cd "$work/repo"
unset DATABASE_URL

ok() { pass=$((pass + 1)); echo "ok   $*"; }
fail() { echo "FAIL $*" >&2; exit 1; }
expect() { # expect <exit code> <text that must appear in stdout+stderr> <make args...>
  local want=$1 text=$2; shift 2
  local out code=0
  out=$(make "$@" 2>&1) || code=$?
  [ "$code" = "$want" ] || fail "make $* exited $code, expected $want:\n$out"
  [[ "$out" == *"$text"* ]] || fail "make $* did not print '$text':\n$out"
  ok "make $*"
}

head=$(java -jar diffgen/target/diffgen.jar heads | cut -d' ' -f1)
expect 0 "No changes detected" migrate-create MESSAGE="nothing yet"
# that first read of the entities made the class archive, and the Makefile's commands start from it
archive=
for f in diffgen/target/diffgen-java*.jsa diffgen/target/diffgen-java*.aot; do [ -s "$f" ] && archive=$f && break; done
[ -n "$archive" ] || fail "make migrate-create made no class archive in diffgen/target"
shared=$(eval "$(make -n migrate-current | tail -1 | sed 's/ -jar / -Xlog:class+load -jar /')" | grep -c 'source: shared objects file' || true)
jdk=$(java -Xlog:class+load -jar diffgen/target/diffgen.jar current | grep -c 'source: shared objects file' || true)
[ "$shared" -gt $((jdk + 300)) ] || fail "make migrate-current took $shared classes from archives, the JDK's own archive alone $jdk"
ok "the class archive ($shared classes from archives, $jdk without $archive)"
# and Hibernate's, which a check loads whenever an entity changed (the model cache misses): a fresh migrations folder has none;
# only those whose optional dependencies are missing (Jackson's format mappers) are still read from Hibernate's jar
cold=$(mktemp -d) && cp -r migrations "$cold/migrations"
loaded=$(eval "$(make -n migrate-check | tail -1 | sed 's/ -jar / -Xlog:class+load -jar /') --migrations $cold/migrations" | grep ' org\.hibernate\.' || true)
rm -rf "$cold"
hibernate=$(grep -c 'source: shared objects file' <<<"$loaded" || true)
fromJar=$(grep -c 'source: file:' <<<"$loaded" || true)
[ "$hibernate" -gt 1000 ] && [ "$fromJar" -lt 50 ] \
  || fail "a check with no cached model took $hibernate of Hibernate's classes from $archive and read $fromJar from its jars"
ok "Hibernate's classes in the class archive ($hibernate of them loaded from it by a check with no cached model, $fromJar from its jars)"
expect 0 "No new upgrade operations detected." migrate-check
expect 0 "Running upgrade" migrate-upgrade
expect 0 "$head (head)" migrate-current
expect 0 "up to date" migrate-status
expect 0 "$head (head), set updated_at on every update" migrate-history
expect 0 "$head (head)" migrate-heads
expect 0 "Rev: $head (head)" migrate-show REVISION="$head"
expect 0 "INSERT INTO databasechangelog" migrate-sql
# make prints only the command's output: the SQL goes straight into psql, on a database of its own
url=$(java -jar diffgen/target/diffgen.jar db url)
psql -X -q "$url" -c "CREATE DATABASE sql_fresh" >/dev/null
make migrate-sql | psql -X -q -v ON_ERROR_STOP=1 "${url%/*}/sql_fresh" >/dev/null || fail "make migrate-sql | psql failed"
[ "$(DATABASE_URL="${url%/*}/sql_fresh" java -jar diffgen/target/diffgen.jar current)" = "$head (head)" ] || fail "the piped SQL did not reach head"
ok "make migrate-sql | psql"
expect 0 "9 applied, 0 partially applied, 0 pending" migrate-validate
# The README's CI workflow, its commands as written there (against the local database, at head)
dg() { java -jar diffgen/target/diffgen.jar "$@"; }
[ "$(dg check --format github)" = "::notice title=diffgen check::No new upgrade operations detected." ] || fail "check --format github"
dg validate --format github | grep -q '^::notice title=diffgen validate::Validated 9 revision(s)' || fail "validate --format github"
[ "$(dg preflight --format github)" = "::notice title=diffgen preflight::Nothing to upgrade: no data check to run" ] || fail "preflight --format github"
dg validate --format sarif > "$work/diffgen.sarif" && grep -q '"version" : "2.1.0"' "$work/diffgen.sarif" || fail "validate --format sarif"
ok "the CI workflow's commands"
expect 0 "nothing to do" migrate-init
expect 0 "Running downgrade $head" migrate-downgrade REVISION=-1
expect 0 "not up to date" migrate-status
expect 0 "Stamped base" migrate-stamp REVISION=base
expect 0 "" migrate-current
prev=$(java -jar diffgen/target/diffgen.jar history | sed -n 1p | cut -d' ' -f1)
expect 0 "Stamped $prev" migrate-stamp REVISION="$prev"
expect 0 "$prev" migrate-current
expect 0 "Running upgrade" migrate-upgrade
expect 0 "Running upgrade  ->" migrate-reset
expect 2 "REVISION is required" migrate-downgrade
expect 2 "MESSAGE is required" migrate-create
DATABASE_URL=postgresql://nobody:secret@localhost:1/none expect 2 "FORCE=1" migrate-reset

# Edit an entity: the next migrate-create writes a revision with the new column, and check agrees.
sed -i 's|    private String avatarUrl;|    private String avatarUrl;\n\n    @jakarta.persistence.Column(name = "nickname", length = 40)\n    private String nickname;|' \
  model/src/main/java/io/pixcrawler/model/Profile.java
expect 0 "Generating" migrate-create MESSAGE="add nickname to profiles"
new=$(ls migrations/versions/*add_nickname_to_profiles.sql)
grep -q 'ALTER TABLE profiles ADD COLUMN nickname character varying(40);' "$new" || fail "the revision lacks the new column"
grep -q -- '--rollback ALTER TABLE profiles DROP COLUMN nickname;' "$new" || fail "the revision lacks its rollback"
ok "the new revision adds profiles.nickname and rolls it back"
expect 0 "No new upgrade operations detected." migrate-check
# A build that wrote the class files again, unchanged: Hibernate starts ahead (the files are newer than the
# cached model), the key still finds the cached model, and the answer is the same
find model/target/classes -name '*.class' -exec touch {} +
out=$(eval "$(make -n migrate-check | tail -1) --timing" 2>&1) || fail "check after the class files were written again: $out"
grep -qE 'model [0-9.]+s \(cache hit' <<<"$out" && [[ "$out" == *"No new upgrade operations detected."* ]] \
  || fail "check after the class files were written again, unchanged, did not answer from the cached model:\n$out"
ok "a check after the class files were written again, unchanged: a cache hit"
expect 0 "add nickname to profiles" migrate-upgrade
# Edit the database code (migrations/objects): the next revision replaces the function in place, and psql sees the new body
sed -i 's/NEW.updated_at := now();/NEW.updated_at := clock_timestamp();/' migrations/objects/updated_at.sql
expect 0 "Generating" migrate-create MESSAGE="updated_at from the clock"
new=$(ls migrations/versions/*updated_at_from_the_clock.sql)
grep -q -- '--   - replace function set_updated_at()' "$new" || fail "the revision does not replace set_updated_at()"
grep -q -- '--rollback     NEW.updated_at := now();' "$new" || fail "the revision's rollback lacks the previous body"
expect 0 "No new upgrade operations detected." migrate-check
expect 0 "updated_at from the clock" migrate-upgrade
psql -X -At "$(java -jar diffgen/target/diffgen.jar db url)" -c "SELECT pg_get_functiondef('set_updated_at'::regproc)" \
  | grep -q 'NEW.updated_at := clock_timestamp();' || fail "psql does not see the new function body"
ok "the edited function reaches the database"
expect 0 "Generating" migrate-create MESSAGE="hand written" EMPTY=true
grep -qF "SELECT 1 /* no schema change */;" migrations/versions/*hand_written.sql || fail "EMPTY=true must write an empty revision"
ok "EMPTY=true wrote an empty revision"
# The same targets against DATABASE_URL (here: a second database on the local server).
url=$(java -jar diffgen/target/diffgen.jar db url)
DATABASE_URL="$url" expect 0 "not up to date" migrate-status
DATABASE_URL="$url" expect 0 "Running downgrade" migrate-downgrade REVISION=base
DATABASE_URL="$url" expect 2 "FORCE=1" migrate-reset
DATABASE_URL="$url" expect 0 "Running upgrade" migrate-upgrade
DATABASE_URL="$url" expect 0 "(head)" migrate-current
DATABASE_URL="$url" expect 0 "No new upgrade operations detected." migrate-check
DATABASE_URL="$url" expect 0 "Running upgrade  ->" migrate-reset FORCE=1
# migrate-init creates a database that does not exist yet, and upgrades it to head
DATABASE_URL="${url%/*}/e2e_fresh_$$" expect 0 "Created database e2e_fresh_$$" migrate-init
DATABASE_URL="${url%/*}/e2e_fresh_$$" expect 0 "(head)" migrate-current
# An entity that does not compile stops only the targets that read the entities
echo "broken" >> model/src/main/java/io/pixcrawler/model/Profile.java
expect 0 "(head)" migrate-history
expect 2 "Profile.java" migrate-check
sed -i '$ d' model/src/main/java/io/pixcrawler/model/Profile.java
expect 0 "stopped" db-stop
# The README's help and version lines, as written there
java -jar diffgen/target/diffgen.jar upgrade --help | grep -q '^Usage: diffgen upgrade ' || fail "upgrade --help printed no usage"
ok "diffgen upgrade --help"
java -jar diffgen/target/diffgen.jar --version | grep -q '^diffgen [0-9]' || fail "--version named no version"
ok "diffgen --version"

echo "e2e: $pass passed, 0 failed"
