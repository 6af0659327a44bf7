# The daily interface. Every target wraps the diffgen CLI (java -jar diffgen/target/diffgen.jar) or Maven.
# DATABASE_URL is passed through to the CLI; without it, autogenerate and check use a throwaway
# embedded PostgreSQL that replays migrations/ to head.

SHELL := /bin/bash
MVN ?= mvn -B -q
JAVA ?= java
JAR := diffgen/target/diffgen.jar
DIFFGEN := $(JAVA) -XX:TieredStopAtLevel=1 -jar $(JAR)
SOURCES := $(shell find pom.xml diffgen/pom.xml diffgen/src/main diffgen/annotations model/pom.xml model/src/main -type f 2>/dev/null)

REVISION ?= head

.PHONY: help build test migrate-create migrate-upgrade migrate-downgrade migrate-current migrate-history \
        migrate-heads migrate-show migrate-check

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 22

# The jar is rebuilt when any main source or pom is newer than it.
$(JAR): $(SOURCES)
	$(MVN) install -DskipTests
	@touch $(JAR)

build: $(JAR) ## Build the diffgen CLI and the model (no tests)

test: ## Run every test (unit and real-PostgreSQL integration tests)
	$(MVN) install

migrate-create: $(JAR) ## New revision from the entities: make migrate-create MESSAGE="add x" [EMPTY=true]
	@test -n "$(MESSAGE)" || { echo 'error: MESSAGE is required: make migrate-create MESSAGE="what changed"' >&2; exit 2; }
	$(DIFFGEN) revision $(if $(filter true,$(EMPTY)),,--autogenerate) -m "$(MESSAGE)"

migrate-check: $(JAR) ## Exit 0 if the entities match the migrations (or DATABASE_URL), 1 with the differences
	$(DIFFGEN) check

migrate-upgrade: $(JAR) ## Apply revisions: make migrate-upgrade [REVISION=head]
	$(DIFFGEN) upgrade $(REVISION)

migrate-downgrade: $(JAR) ## Roll back: make migrate-downgrade REVISION=-1|<rev>|base
	@test -n "$(filter-out head,$(REVISION))" || { echo 'error: REVISION is required: make migrate-downgrade REVISION=-1' >&2; exit 2; }
	$(DIFFGEN) downgrade -- $(REVISION)

migrate-current: $(JAR) ## Show the revision the database is at
	$(DIFFGEN) current

migrate-history: $(JAR) ## List revisions, newest first
	$(DIFFGEN) history

migrate-heads: $(JAR) ## Show the heads
	$(DIFFGEN) heads

migrate-show: $(JAR) ## Show one revision: make migrate-show REVISION=<rev>
	$(DIFFGEN) show $(REVISION)
