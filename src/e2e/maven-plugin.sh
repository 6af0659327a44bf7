#!/usr/bin/env bash
# End-to-end: the Maven plugin in a brand-new Maven project whose only diffgen reference is the plugin,
# on a real PostgreSQL (the CLI's local one, under a role with a password). Run after 'mvn install'
# (make test does). Prints what the plugin adds to a build. Exits non-zero on the first surprise.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
jar="$repo/diffgen/target/diffgen.jar"
MVN=${MVN:-mvn -B}
work=$(mktemp -d)
trap 'java -jar "$jar" db stop --migrations "$work/db" >/dev/null 2>&1 || true; java -jar "$jar" db stop --migrations "$work/shop/migrations" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
unset DATABASE_URL
pass=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
fail() { echo "FAIL $*" >&2; exit 1; }

version=$(sed -n "s#.*<version>\(.*\)</version>.*#\1#p" "$repo/pom.xml" | head -1)
mkdir -p "$work/db" "$work/shop/src/main/java/com/example/shop"
admin=$(java -jar "$jar" db start --migrations "$work/db" >/dev/null && java -jar "$jar" db url --migrations "$work/db")
password="pw-$RANDOM-s3cret"
psql -X -q -v ON_ERROR_STOP=1 "$admin" -c "CREATE ROLE shop LOGIN PASSWORD '$password'" -c "CREATE DATABASE shop OWNER shop"
url=$(echo "$admin" | sed -E "s#^postgresql://[^@]*@([^/]+)/.*#postgresql://shop:$password@\1/shop#")

cat > "$work/shop/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>shop</artifactId>
  <version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>jakarta.persistence</groupId>
      <artifactId>jakarta.persistence-api</artifactId>
      <version>3.1.0</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin>
        <groupId>io.diffgen</groupId>
        <artifactId>diffgen-maven-plugin</artifactId>
        <version>$version</version>
      </plugin>
    </plugins>
  </build>
</project>
POM
entity() { # the Customer entity, with extra field lines
  cat > "$work/shop/src/main/java/com/example/shop/Customer.java" <<JAVA
package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Customer {
    @Id
    Long id;

    @Column(nullable = false, length = 120)
    String name;
$1
}
JAVA
}
entity ""
cd "$work/shop"
log="$work/build.log"
run() { # run <expected exit: 0 or fail> <text> <mvn args...>
  local want=$1 text=$2; shift 2
  local code=0
  $MVN "$@" > "$work/out.log" 2>&1 || code=$?
  cat "$work/out.log" >> "$log"
  if [ "$want" = 0 ] && [ "$code" != 0 ]; then fail "mvn $(echo "$*" | sed "s#$password#***#g") exited $code:\n$(tail -30 "$work/out.log")"; fi
  if [ "$want" = fail ] && [ "$code" = 0 ]; then fail "mvn $(echo "$*" | sed "s#$password#***#g") succeeded, expected a failure:\n$(tail -30 "$work/out.log")"; fi
  grep -qF -- "$text" "$work/out.log" || fail "mvn $(echo "$*" | sed "s#$password#***#g") did not print '$text':\n$(tail -30 "$work/out.log")"
  ok "mvn $(echo "$*" | sed "s#$password#***#g")"
}

run 0 "Generating" compile diffgen:revision -Ddiffgen.message="create customers" -Ddiffgen.url="$url"
[ "$(ls migrations/versions | wc -l)" = 1 ] || fail "expected one revision in migrations/versions: $(ls migrations/versions)"
grep -q 'CREATE TABLE customer' migrations/versions/*.sql || fail "the revision does not create customer"
run 0 "Running upgrade" diffgen:upgrade -Ddiffgen.url="$url"
run 0 "No new upgrade operations detected" compile diffgen:check -Ddiffgen.url="$url"
run 0 "up to date" diffgen:status -Ddiffgen.url="$url"
run 0 "(head)" diffgen:current -Ddiffgen.url="$url"
run 0 "create customers" diffgen:history
run 0 "Wrote" diffgen:sql
grep -q 'CREATE TABLE customer' target/diffgen/upgrade.sql || fail "diffgen:sql did not write the upgrade"
run 0 "Wrote" diffgen:erd
grep -q 'customer:::added {' target/diffgen/erd.md || fail "diffgen:erd did not draw the new table"

entity '
    @Column(length = 200)
    String email;'
run fail "the entities and the migrations differ: add column customer.email" compile diffgen:check -Ddiffgen.url="$url"
grep -q "BUILD FAILURE" "$work/out.log" || fail "check did not fail the build"
run 0 "Generating" compile diffgen:revision -Ddiffgen.message="customer email" -Ddiffgen.url="$url"
run 0 "Running upgrade" diffgen:upgrade -Ddiffgen.url="$url"
run 0 "No new upgrade operations detected" diffgen:check -Ddiffgen.url="$url"
run 0 "Running downgrade" diffgen:downgrade -Ddiffgen.target=-1 -Ddiffgen.url="$url"
run fail "diffgen.target is required" diffgen:downgrade -Ddiffgen.url="$url"

run 0 "diffgen:revision" diffgen:help
run 0 "lockTimeout" diffgen:help -Ddetail -Dgoal=upgrade

# without a URL: check on a throwaway PostgreSQL; the build log has diffgen's lines, not the libraries' start-up
run 0 "No new upgrade operations detected" compile diffgen:check
if grep -E "FATAL|HHH[0-9]|initdb|Did not clean up|database system" "$work/out.log"; then fail "third-party start-up output in the build log"; fi
ok "no third-party start-up lines in the build log ($(grep -c '^\[INFO\]' "$work/out.log") INFO lines for compile diffgen:check)"
# the project's local PostgreSQL: a goal that starts it stops it again, unless told to keep it
pgdata="$work/shop/.diffgen/pgdata"
running() { pgrep -f -- "-D $pgdata" >/dev/null; }
run 0 "Running upgrade" diffgen:upgrade -Ddiffgen.lockTimeout=2s -Ddiffgen.statementTimeout=1min
! running || fail "diffgen:upgrade left the local PostgreSQL running"
run 0 "(head)" diffgen:current -Ddiffgen.keepDatabase=true
running || fail "diffgen.keepDatabase=true did not keep the local PostgreSQL"
java -jar "$jar" db stop --migrations "$work/shop/migrations" >/dev/null 2>&1
ok "the local PostgreSQL does not outlive a goal that started it"

if grep -qF "$password" "$log"; then fail "the database password appears in the build log"; fi
ok "the password never appears in the build log ($(wc -l < "$log") lines)"

# what the plugin adds to a build: compile alone, then compile with a no-change check
$MVN -q compile >/dev/null 2>&1
start=$(date +%s%N); $MVN -q compile >/dev/null 2>&1; compile_ms=$(( ($(date +%s%N) - start) / 1000000 ))
run 0 "Running upgrade" diffgen:upgrade -Ddiffgen.url="$url"
start=$(date +%s%N); $MVN -q compile diffgen:check -Ddiffgen.url="$url" >/dev/null 2>&1; check_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "cost: mvn compile ${compile_ms} ms; mvn compile diffgen:check ${check_ms} ms (+$((check_ms - compile_ms)) ms)"
echo "maven-plugin: $pass checks passed"
