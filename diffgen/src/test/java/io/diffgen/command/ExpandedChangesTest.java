package io.diffgen.command;

import io.diffgen.diff.Change;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.Index;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code check} on a database in the expanded state, from its three comparisons with the entities: of the
 * database, of its revisions' schema, and of that schema with the pending contract run.
 */
class ExpandedChangesTest {
    private static final Change DROP_LEGACY = new Change.DropColumn("reading", Column.of("legacy", "character varying(20)", true));
    private static final Change INDEX = new Change.CreateIndex("reading", new Index("ix_reading_note",
            List.of(new Index.Key("note", false)), false, Optional.empty(), "btree"), true);
    private static final Change STRAY = new Change.DropColumn("reading", Column.of("stray", "integer", true));

    private static List<String> summaries(List<Change> changes) {
        return changes.stream().map(Change::summary).toList();
    }

    @Test
    void aDatabaseAsItsRevisionsLeftItLacksNothingTheContractDoes() {
        assertEquals(List.of(), Autogenerate.expandedChanges(List.of(DROP_LEGACY), List.of(DROP_LEGACY), List.of()));
    }

    @Test
    void whatNoRevisionDoesYetIsListed() {
        assertEquals(summaries(List.of(INDEX)), summaries(Autogenerate.expandedChanges(List.of(DROP_LEGACY, INDEX),
                List.of(DROP_LEGACY, INDEX), List.of(INDEX))));
    }

    @Test
    void aColumnNoRevisionMadeIsTheDatabasesOwn() {
        assertEquals(summaries(List.of(STRAY)), summaries(Autogenerate.expandedChanges(List.of(DROP_LEGACY, STRAY), List.of(DROP_LEGACY),
                List.of())));
    }

    @Test
    void partOfTheContractDoneByHandIsUndone() {
        assertEquals(summaries(List.of(DROP_LEGACY.inverse())), summaries(Autogenerate.expandedChanges(List.of(), List.of(DROP_LEGACY),
                List.of())));
    }

    /** A DBA made the entities' index by hand: the database is what the entities want, and no contract makes it. */
    @Test
    void whatTheEntitiesWantDoneByHandLacksNothing() {
        assertEquals(List.of(), Autogenerate.expandedChanges(List.of(DROP_LEGACY), List.of(DROP_LEGACY, INDEX), List.of(INDEX)));
    }
}
