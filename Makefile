# The daily interface. Every target wraps the diffgen CLI (java -jar diffgen/target/diffgen.jar) or Maven.
# DATABASE_URL is passed through to the CLI; without it, autogenerate and check use a throwaway
# embedded PostgreSQL that replays migrations/ to head.
#
# A target prints only its command's output (make migrate-sql | psql works); a rebuild's Maven output
# goes to stderr. The tool is rebuilt only when its own sources change, the model only when the
# model's do, and only the targets that read the entities need the model to compile.

SHELL := /bin/bash
# no "Entering directory" lines either, when make runs inside make (the e2e scripts under make test)
MAKEFLAGS += --no-print-directory
MVN ?= mvn -B -q
JAVA ?= java
JAR := diffgen/target/diffgen.jar
# JVM start-up, cut with the JDK's own means (make bench measures them): C1 only, compiling a method
# after half the calls it waits for by default (a check that reads the entities cold spends less time
# interpreting Hibernate's boot: 0.93x wall at 1,000 entities; a warm check 1.03x), the serial collector
# (about half G1's peak memory on a run this short) with a young generation of 200 MB and room for 64 MB
# of class metadata (a check that reads 1,000 entities then collects once instead of three times and
# makes no full collection; at 10,000 the peak is lower), and an archive of the classes a check loads,
# diffgen's and Hibernate's, made once per jar by a check of the project's own model: class-data
# sharing on Java 17 to 24, the AOT cache on 25 and later. A missing or stale archive is skipped quietly.
# the Java's feature version from its release file (starting a JVM here would cost every target 0.1 s)
JAVA_VERSION := $(shell sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$$(dirname "$$(readlink -f "$$(command -v $(JAVA))")")/../release" 2>/dev/null)
AOT := $(shell test "$(JAVA_VERSION)" -ge 25 2>/dev/null && echo yes)
ARCHIVE := diffgen/target/diffgen-java$(JAVA_VERSION).$(if $(AOT),aot,jsa)
JVM := -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.5 -XX:+UseSerialGC -Xmn200m -XX:MetaspaceSize=64m
ARCHIVE_USE := $(if $(AOT),-XX:AOTCache=$(ARCHIVE) -Xlog:aot*=off -Xlog:cds*=off,-XX:SharedArchiveFile=$(ARCHIVE) -Xlog:cds*=off)
ARCHIVE_MAKE := $(if $(AOT),-XX:AOTCacheOutput,-XX:ArchiveClassesAtExit)
DEFAULTS := diffgen.properties
DIFFGEN := $(JAVA) $(JVM) $$(test -s $(ARCHIVE) -a $(ARCHIVE) -nt $(JAR) && echo '$(ARCHIVE_USE)') -jar $(JAR)
TOOL_SOURCES := $(shell find pom.xml diffgen/pom.xml diffgen/src/main diffgen/annotations diffgen/model-api diffgen/hibernate -type f -not -path "*/target/*" 2>/dev/null)
MODEL := model/target/classes/.diffgen-compiled
MODEL_SOURCES := $(shell find pom.xml model/pom.xml model/src/main diffgen/annotations -type f -not -path "*/target/*" 2>/dev/null)

REVISION ?= head

.PHONY: help build dist test test-unit test-postgres test-process migrate-create migrate-upgrade migrate-contract migrate-downgrade migrate-current migrate-history \
        migrate-heads migrate-show migrate-check migrate-status migrate-stamp migrate-merge migrate-sql migrate-reset \
        migrate-validate migrate-init migrate-preflight \
        db-start db-stop db-shell soak bench

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 22

# The CLI and the modules it runs on (not the plugin, the starter or the tests); the model compiles
# with it, as the tool's tests use it, but a model edit alone does not rebuild the tool.
$(JAR): $(TOOL_SOURCES)
	@$(MVN) -Dstyle.color=never package -Dmaven.test.skip=true -pl diffgen -am >&2
	@touch $(JAR)

# The entities, for the targets that read them (revision, check, init).
$(MODEL): $(MODEL_SOURCES)
	@$(MVN) -Dstyle.color=never compile -pl model -am >&2
	@touch $(MODEL)

# The class archive (see JVM above), from a check on the throwaway PostgreSQL: never on a database of
# the project's own (none is trained on when diffgen.properties names a url). The jar is new, so the
# model cache misses and the check loads Hibernate's classes. A training run that fails or is skipped
# leaves an empty file, so it is not retried until the jar changes. The classes of Hibernate's class loader
# are archived only if they are still loaded at the end, and that loader is let go once the model is read: a
# collection after that would unload them, so this one run unloads no class. Only the linked ones among them
# are archived, so the run links every class that loader defined before it lets it go (diffgen.archive.training).
$(ARCHIVE): $(JAR) | $(MODEL)
	@tmp=diffgen/target/tmp-$(notdir $(ARCHIVE)); rm -f $$tmp; \
	grep -qE '^[[:space:]]*url[[:space:]]*[=:]' $(DEFAULTS) 2>/dev/null || \
	env -u DATABASE_URL $(JAVA) $(JVM) -XX:-ClassUnloading -Ddiffgen.archive.training=true $(ARCHIVE_MAKE)=$$tmp -jar $(JAR) check >/dev/null 2>&1; \
	if test -s $$tmp; then mv -f $$tmp $@; else rm -f $$tmp; : > $@; fi

build: $(JAR) $(MODEL) ## Build the diffgen CLI and the model (no tests)

dist: ## The CLI to copy anywhere: diffgen/target/diffgen-dist.zip (diffgen.jar with its lib/ folder)
	@$(MVN) -Dstyle.color=never package -Pdist -Dmaven.test.skip=true -pl diffgen -am >&2
	@ls -l diffgen/target/diffgen-dist.zip

# The tests print a line per test class with its time (Maven without -q, without download progress),
# and each phase says how long it took.
TEST_MVN := $(filter-out -q,$(MVN)) -ntp
PHASE = start=$$SECONDS; $(1) && echo "== $(2): passed in $$((SECONDS - start)) s"

test: ## Run every test: unit, real-PostgreSQL and packaged-jar process tests, then the README's commands, the Maven plugin and the example application end to end
	@$(call PHASE,$(TEST_MVN) install,the Maven suite)
	@$(call PHASE,bash src/e2e/readme-commands.sh,the README's commands)
	@$(call PHASE,bash src/e2e/maven-plugin.sh,the Maven plugin)
	@$(call PHASE,bash src/e2e/example-app.sh,the example application)

test-unit: ## Only the tests that need no database (seconds)
	$(TEST_MVN) install -DexcludedGroups=postgres,process -DskipITs

test-postgres: ## Only the tests on real (embedded) PostgreSQL, in-process
	$(TEST_MVN) install -Dgroups=postgres -DskipITs

test-process: ## Only the tests that run the packaged jar as a real process, with a real shell and psql
	$(TEST_MVN) install -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false

SIZES ?= 15,300,1000,10000

STALL_ROWS ?= 1000000
# the bench's own settings, such as -Druns=3 -DcoldRuns=5 (see src/bench/Bench.java)
BENCH_OPTS ?=

bench: $(JAR) $(ARCHIVE) ## Benchmark: N=$(SIZES) entities vs Alembic (python3-alembic) and stock liquibase diff-changelog, cold and warm, then write stalls blocking vs online on $(STALL_ROWS) rows; writes target/bench/
	$(MVN) -f src/bench/pom.xml dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=$(CURDIR)/target/bench-lib
	$(JAVA) -cp "diffgen/target/lib/*" '-Djvm=$(JVM) $(if $(shell test -s $(ARCHIVE) && echo y),$(ARCHIVE_USE))' $(BENCH_OPTS) src/bench/Bench.java $(SIZES)
	$(JAVA) -cp "diffgen/target/lib/*" src/bench/Stall.java $(STALL_ROWS)

SOAK_TESTS := ReliabilityTest,RandomSchemaRoundTripTest,ModelEditRoundTripTest,PixCrawlerHistoryTest,CommandSetTest

soak: ## Long runs: 50 kill -9 trials of plain revisions and 50 of the online forms, and 2,000 random schema pairs on PostgreSQL 17, then the suites on PostgreSQL 13
	$(MVN) install -DskipTests
	$(MVN) -pl diffgen test -Dtest='$(SOAK_TESTS)' -Dsurefire.failIfNoSpecifiedTests=false \
	    -Ddiffgen.kill.trials=50 -Ddiffgen.random.trials=2000 -Ddiffgen.seed=$$(date +%s)
	@grep -h "kill -9" diffgen/target/surefire-reports/*ReliabilityTest-output.txt | sed 's/^/PostgreSQL 17: /' || true
	$(MVN) -pl diffgen -Ppg13 test -Dtest='$(SOAK_TESTS)' -Dsurefire.failIfNoSpecifiedTests=false \
	    -Ddiffgen.kill.trials=10 -Ddiffgen.random.trials=500 -Ddiffgen.seed=$$(date +%s)
	@grep -h "kill -9" diffgen/target/surefire-reports/*ReliabilityTest-output.txt | sed 's/^/PostgreSQL 13: /' || true

migrate-create: $(JAR) $(MODEL) $(ARCHIVE) ## New revision from the entities: make migrate-create MESSAGE="add x" [EMPTY=true]
	@test -n "$(MESSAGE)" || { echo 'error: MESSAGE is required: make migrate-create MESSAGE="what changed"' >&2; exit 2; }
	@$(DIFFGEN) revision $(if $(filter true,$(EMPTY)),,--autogenerate) -m "$(MESSAGE)"

migrate-check: $(JAR) $(MODEL) $(ARCHIVE) ## Exit 0 if the entities match the migrations (or DATABASE_URL), 1 with the differences
	@$(DIFFGEN) check

migrate-preflight: $(JAR) ## Count the rows the pending revisions' new constraints would reject; changes nothing (exit 1 if any)
	@$(DIFFGEN) preflight $(REVISION)

migrate-upgrade: $(JAR) ## Apply revisions: make migrate-upgrade [REVISION=head] (DATABASE_URL, else the local db)
	@$(DIFFGEN) upgrade $(REVISION)

migrate-contract: $(JAR) ## After a rolling deploy: run the contract revisions whose expand has run (DATABASE_URL, else the local db)
	@$(DIFFGEN) contract

migrate-downgrade: $(JAR) ## Roll back: make migrate-downgrade REVISION=-1|<rev>|base
	@test -n "$(filter-out head,$(REVISION))" || { echo 'error: REVISION is required: make migrate-downgrade REVISION=-1' >&2; exit 2; }
	@$(DIFFGEN) downgrade -- $(REVISION)

migrate-current: $(JAR) ## Show the revision the database is at
	@$(DIFFGEN) current

migrate-history: $(JAR) ## List revisions, newest first
	@$(DIFFGEN) history

migrate-heads: $(JAR) ## Show the heads
	@$(DIFFGEN) heads

migrate-show: $(JAR) ## Show one revision: make migrate-show REVISION=<rev>
	@$(DIFFGEN) show $(REVISION)

migrate-status: $(JAR) ## Current revision, heads and pending revisions
	@$(DIFFGEN) status

migrate-stamp: $(JAR) ## Set the version without running anything: make migrate-stamp REVISION=<rev>|head|base
	@$(DIFFGEN) stamp $(REVISION)

migrate-merge: $(JAR) ## Merge the heads: make migrate-merge MESSAGE="merge x and y"
	@test -n "$(MESSAGE)" || { echo 'error: MESSAGE is required: make migrate-merge MESSAGE="merge heads"' >&2; exit 2; }
	@$(DIFFGEN) merge heads -m "$(MESSAGE)"

migrate-sql: $(JAR) ## Print the upgrade SQL instead of running it: make migrate-sql [REVISION=head] (no database needed)
	@$(DIFFGEN) upgrade --sql $(REVISION)

migrate-validate: $(JAR) ## Check the revisions: files parse, the graph is sound, applied revisions exist and are unedited
	@$(DIFFGEN) validate

migrate-init: $(JAR) $(MODEL) $(ARCHIVE) ## Bring a database under diffgen: create it and upgrade, or stamp a schema that matches the entities
	@$(DIFFGEN) init

migrate-reset: $(JAR) ## Downgrade to base, then upgrade to head (FORCE=1 needed with DATABASE_URL)
	@if [ -n "$$DATABASE_URL" ] && [ "$(FORCE)" != "1" ]; then echo 'error: migrate-reset drops every table of DATABASE_URL; run again with FORCE=1' >&2; exit 2; fi
	@$(DIFFGEN) downgrade base
	@$(DIFFGEN) upgrade head

db-start: $(JAR) ## Start the project's local PostgreSQL (data in .diffgen/, kept between commands)
	@$(DIFFGEN) db start

db-stop: $(JAR) ## Stop the local PostgreSQL
	@$(DIFFGEN) db stop

db-shell: $(JAR) ## A SQL prompt (psql) on the local PostgreSQL
	@command -v psql >/dev/null || { echo "error: psql is not installed; connect any client to: $$($(DIFFGEN) db url)" >&2; exit 2; }
	@psql "$$($(DIFFGEN) db url)"
