package io.diffgen.revision;

import io.diffgen.DiffgenException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevisionGraphTest {

    private static RevisionGraph graph(Revision... revisions) {
        return new RevisionGraph(List.of(revisions));
    }

    /** A revision as read from a script, so errors can name the file. */
    private static Revision inFile(String id, String file, String... parents) {
        return new Revision(id, List.of(parents), "msg " + id, "2024-01-01T00:00:00Z",
                Optional.of(Path.of("migrations", "versions", file)));
    }

    private static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }

    /** a <- b <- c <- d */
    private static RevisionGraph chain() {
        return graph(Revision.of("a"), Revision.of("b", "a"), Revision.of("c", "b"), Revision.of("d", "c"));
    }

    private static final Set<String> NONE = Set.of();
    private static final Set<String> ALL_CHAIN = Set.of("a", "b", "c", "d");

    // ------------------------------------------------------------------ structure

    @Test
    void linearChainHasOneHeadOneBaseAndParentsFirstOrder() {
        RevisionGraph g = chain();
        assertEquals(List.of("d"), g.heads());
        assertEquals(List.of("a"), g.bases());
        assertEquals(List.of("a", "b", "c", "d"), ids(g.topological()));
        assertEquals(4, g.size());
        assertFalse(g.isEmpty());
        assertEquals(List.of("b"), g.children("a"));
        assertEquals(List.of(), g.children("d"));
        assertEquals("d", g.head("x"));
    }

    @Test
    void topologicalPutsParentsFirstEvenWhenGivenChildrenFirst() {
        RevisionGraph g = graph(Revision.of("d", "c"), Revision.of("c", "b"), Revision.of("b", "a"), Revision.of("a"));
        assertEquals(List.of("a", "b", "c", "d"), ids(g.topological()));
        assertEquals(List.of("d"), g.heads());
        assertEquals(List.of("a"), g.bases());
    }

    @Test
    void topologicalBreaksTiesByTheOrderGiven() {
        RevisionGraph g = graph(Revision.of("root"), Revision.of("y", "root"), Revision.of("x", "root"), Revision.of("z"));
        assertEquals(List.of("root", "y", "x", "z"), ids(g.topological()));
        assertEquals(List.of("y", "x", "z"), g.heads());
        assertEquals(List.of("root", "z"), g.bases());
    }

    @Test
    void emptyGraphHasNoHeadAndSaysSo() {
        RevisionGraph g = graph();
        assertTrue(g.isEmpty());
        assertEquals(List.of(), g.heads());
        assertEquals(List.of(), g.bases());
        RevisionException.BadTarget e = assertThrows(RevisionException.BadTarget.class, () -> g.upgradePlan("head", NONE));
        assertEquals("there are no revisions yet", e.getMessage());
        assertEquals(List.of(), g.upgradePlan("heads", NONE));
    }

    @Test
    void getOfUnknownIdIsUnknownRevision() {
        RevisionException.UnknownRevision e = assertThrows(RevisionException.UnknownRevision.class, () -> chain().get("zz"));
        assertEquals("no revision matches 'zz'", e.getMessage());
        assertEquals(DiffgenException.ErrorCode.REVISION, e.code());
    }

    // ------------------------------------------------------------------ parents of a new revision, and of a merge

    @Test
    void aNewRevisionGoesOnTheSingleHeadOrStartsTheFirstBase() {
        assertEquals(List.of("d"), chain().parentsOfNew(null, false));
        assertEquals(List.of(), graph().parentsOfNew(null, false));
        assertEquals(List.of("d"), chain().parentsOfNew("head", false));
        assertEquals(List.of("c"), graph(Revision.of("a"), Revision.of("c", "a")).parentsOfNew("c", false));
    }

    @Test
    void aNewRevisionOnANonHeadOrANewBaseNeedsSplice() {
        DiffgenException notHead = assertThrows(DiffgenException.class, () -> chain().parentsOfNew("b", false));
        assertEquals("revision b is not a head; add --splice to start a branch from it", notHead.getMessage());
        assertEquals(DiffgenException.ErrorCode.USAGE, notHead.code());
        assertEquals(List.of("b"), chain().parentsOfNew("b", true));
        DiffgenException base = assertThrows(DiffgenException.class, () -> chain().parentsOfNew("base", false));
        assertEquals("--head base starts a new base; add --splice to do that", base.getMessage());
        assertEquals(List.of(), chain().parentsOfNew("base", true));
        assertEquals(List.of(), graph().parentsOfNew("base", false));
    }

    @Test
    void aNewRevisionOnHeadWithTwoHeadsNamesThem() {
        RevisionGraph two = graph(Revision.of("a"), Revision.of("b", "a"), Revision.of("c", "a"));
        assertThrows(RevisionException.MultipleHeads.class, () -> two.parentsOfNew(null, false));
        assertThrows(RevisionException.MultipleHeads.class, () -> two.parentsOfNew("head", false));
    }

    @Test
    void aMergeJoinsHeadsOrNamedRevisionsOnceEach() {
        RevisionGraph two = graph(Revision.of("a"), Revision.of("b1", "a"), Revision.of("c2", "a"));
        assertEquals(List.of("b1", "c2"), two.mergeParents(List.of("heads")));
        assertEquals(List.of("c2", "b1"), two.mergeParents(List.of("c", "b", "b1")));
        DiffgenException one = assertThrows(DiffgenException.class, () -> two.mergeParents(List.of("b1", "b")));
        assertEquals("nothing to merge: only b1 (a merge needs two or more heads)", one.getMessage());
        DiffgenException none = assertThrows(DiffgenException.class, () -> graph().mergeParents(List.of("heads")));
        assertEquals("nothing to merge: no revisions (a merge needs two or more heads)", none.getMessage());
        assertThrows(RevisionException.UnknownRevision.class, () -> two.mergeParents(List.of("zz", "b1")));
    }

    // ------------------------------------------------------------------ new revision ids

    @Test
    void newRevisionIdIsTwelveHexDigits() {
        RevisionGraph g = graph(Revision.of("aaaaaaaaaaaa"));
        for (int i = 0; i < 50; i++) {
            String id = g.newRevisionId();
            assertTrue(id.matches("[0-9a-f]{12}"), id);
        }
    }

    @Test
    void aChosenRevisionIdIsAPlainWordNoTargetAndNotTaken() {
        assertEquals("add_users_2", chain().checkedNewRevisionId("add_users_2"));
        assertEquals("--rev-id must be 1-40 letters, digits or underscores",
                assertThrows(DiffgenException.class, () -> chain().checkedNewRevisionId("a-b")).getMessage());
        assertEquals("--rev-id Heads is a reserved word (head, heads, base, current)",
                assertThrows(DiffgenException.class, () -> chain().checkedNewRevisionId("Heads")).getMessage());
        assertEquals("revision id c already exists", assertThrows(DiffgenException.class, () -> chain().checkedNewRevisionId("c")).getMessage());
    }

    // ------------------------------------------------------------------ stamp targets, history and script ranges

    @Test
    void appliedAtATargetIsItsAncestry() {
        RevisionGraph two = graph(Revision.of("a"), Revision.of("b", "a"), Revision.of("c", "a"));
        assertEquals(Set.of(), two.appliedAt("base", "x"));
        assertEquals(Set.of("a", "b", "c"), two.appliedAt("heads", "x"));
        assertEquals(Set.of("a", "b"), two.appliedAt("b", "x"));
        assertEquals(Set.of("a", "b", "c", "d"), chain().appliedAt("head", "x"));
        RevisionException.MultipleHeads e = assertThrows(RevisionException.MultipleHeads.class, () -> two.appliedAt("head", "'stamp head'"));
        assertTrue(e.getMessage().contains("where 'stamp head' needs one"), e.getMessage());
    }

    @Test
    void historyRangesLeaveOutFromAndBelowAndStopAtTo() {
        RevisionGraph g = chain();
        assertEquals(List.of("c", "d"), ids(g.between(RevisionGraph.Range.ofHistory("b:"))));
        assertEquals(List.of("a", "b"), ids(g.between(RevisionGraph.Range.ofHistory(":b"))));
        assertEquals(List.of("b", "c"), ids(g.between(RevisionGraph.Range.ofHistory("a:c"))));
        assertEquals(List.of("a", "b", "c", "d"), ids(g.between(RevisionGraph.Range.ofHistory("base:heads"))));
        assertEquals(List.of("a", "b", "c", "d"), ids(g.between(RevisionGraph.Range.ofHistory(":head"))));
        DiffgenException e = assertThrows(DiffgenException.class, () -> RevisionGraph.Range.ofHistory("b"));
        assertEquals("bad range 'b': expected [FROM]:[TO]", e.getMessage());
    }

    @Test
    void scriptRangesStartAtBaseUnlessTheyNeedAStart() {
        RevisionGraph g = chain();
        assertEquals(new RevisionGraph.Range("base", "head"), RevisionGraph.Range.ofScript("head", "upgrade", false));
        assertEquals(List.of(), g.startOf(RevisionGraph.Range.ofScript("head", "upgrade", false)));
        assertEquals(List.of("b"), g.startOf(RevisionGraph.Range.ofScript("b:head", "upgrade", false)));
        assertEquals(List.of("d"), g.startOf(RevisionGraph.Range.ofScript("head:base", "downgrade", true)));
        DiffgenException noStart = assertThrows(DiffgenException.class, () -> RevisionGraph.Range.ofScript("base", "downgrade", true));
        assertTrue(noStart.getMessage().startsWith("downgrade --sql needs a range FROM:TO"), noStart.getMessage());
        DiffgenException emptyEnd = assertThrows(DiffgenException.class, () -> RevisionGraph.Range.ofScript("b:", "upgrade", false));
        assertEquals("bad range 'b:': expected FROM:TO", emptyEnd.getMessage());
    }

    // ------------------------------------------------------------------ resolveId

    @Nested
    class ResolveId {
        private final RevisionGraph g = graph(Revision.of("ae1001"), Revision.of("ae1002", "ae1001"), Revision.of("bc0001", "ae1002"),
                Revision.of("ab"), Revision.of("abc", "ab"));

        @Test
        void fullId() {
            assertEquals("ae1001", g.resolveId("ae1001"));
            assertEquals("bc0001", g.resolveId("bc0001"));
        }

        @Test
        void exactIdWinsOverBeingAPrefixOfAnother() {
            assertEquals("ab", g.resolveId("ab"));
            assertEquals("abc", g.resolveId("abc"));
        }

        @Test
        void uniquePrefix() {
            assertEquals("bc0001", g.resolveId("b"));
            assertEquals("bc0001", g.resolveId("bc00"));
        }

        @Test
        void ambiguousPrefixListsTheCandidatesSorted() {
            RevisionException.AmbiguousRevision e = assertThrows(RevisionException.AmbiguousRevision.class, () -> g.resolveId("ae10"));
            assertEquals("revision prefix 'ae10' is ambiguous: ae1001, ae1002", e.getMessage());
            assertEquals(DiffgenException.ErrorCode.REVISION, e.code());
            RevisionException.AmbiguousRevision e2 = assertThrows(RevisionException.AmbiguousRevision.class, () -> g.resolveId("a"));
            assertEquals("revision prefix 'a' is ambiguous: ab, abc, ae1001, ae1002", e2.getMessage());
        }

        @Test
        void unknown() {
            RevisionException.UnknownRevision e = assertThrows(RevisionException.UnknownRevision.class, () -> g.resolveId("ff"));
            assertEquals("no revision matches 'ff'", e.getMessage());
            // a longer reference than any id is not a prefix match
            assertThrows(RevisionException.UnknownRevision.class, () -> g.resolveId("ae10011"));
        }

        @Test
        void emptyReferenceIsUnknownNotAmbiguous() {
            RevisionException.UnknownRevision e = assertThrows(RevisionException.UnknownRevision.class, () -> g.resolveId(""));
            assertEquals("no revision matches ''", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ construction errors

    @Test
    void duplicateRevisionNamesBothFiles() {
        Revision first = inFile("a1", "20240101_000000_a1_first.sql");
        Revision second = inFile("a1", "20240102_000000_a1_second.sql");
        RevisionException.DuplicateRevision e = assertThrows(RevisionException.DuplicateRevision.class, () -> graph(first, second));
        assertEquals("revision id a1 is used twice: 20240101_000000_a1_first.sql and 20240102_000000_a1_second.sql", e.getMessage());
        assertEquals(DiffgenException.ErrorCode.REVISION, e.code());
    }

    @Test
    void duplicateWithoutFilesNamesTheId() {
        RevisionException.DuplicateRevision e = assertThrows(RevisionException.DuplicateRevision.class,
                () -> graph(Revision.of("x"), Revision.of("y", "x"), Revision.of("x")));
        assertEquals("revision id x is used twice: x and x", e.getMessage());
    }

    @Test
    void missingParentNamesTheRevisionTheFileAndTheParent() {
        RevisionException.MissingParent e = assertThrows(RevisionException.MissingParent.class,
                () -> graph(inFile("a1", "001_a1.sql"), inFile("b2", "002_b2.sql", "a1", "zz")));
        assertEquals("revision b2 (002_b2.sql) revises zz, which does not exist", e.getMessage());
        assertEquals(DiffgenException.ErrorCode.REVISION, e.code());
    }

    @Test
    void threeCycleIsReportedWithEveryFile() {
        RevisionException.Cycle e = assertThrows(RevisionException.Cycle.class, () -> graph(
                inFile("a", "001_a.sql", "c"), inFile("b", "002_b.sql", "a"), inFile("c", "003_c.sql", "b")));
        // walks parent links from the first revision: a revises c, c revises b, b revises a
        assertEquals("revisions form a cycle: a (001_a.sql) -> c (003_c.sql) -> b (002_b.sql) -> a (001_a.sql)", e.getMessage());
        assertEquals(DiffgenException.ErrorCode.REVISION, e.code());
    }

    @Test
    void cycleReportLeavesOutRevisionsThatMerelyHangOffIt() {
        // r is a clean base; a -> c -> b -> a is the cycle; d only descends from it
        RevisionException.Cycle e = assertThrows(RevisionException.Cycle.class, () -> graph(
                inFile("r", "000_r.sql"), inFile("d", "004_d.sql", "c"), inFile("a", "001_a.sql", "r", "c"),
                inFile("b", "002_b.sql", "a"), inFile("c", "003_c.sql", "b")));
        assertEquals("revisions form a cycle: c (003_c.sql) -> b (002_b.sql) -> a (001_a.sql) -> c (003_c.sql)", e.getMessage());
    }

    @Test
    void selfLoopIsACycle() {
        RevisionException.Cycle e = assertThrows(RevisionException.Cycle.class,
                () -> graph(inFile("base0", "000_base0.sql"), inFile("s1", "001_s1.sql", "s1")));
        assertEquals("revisions form a cycle: s1 (001_s1.sql) -> s1 (001_s1.sql)", e.getMessage());
    }

    @Test
    void multipleHeadsForUpgradeHead() {
        RevisionGraph g = graph(Revision.of("a"), Revision.of("b", "a"), Revision.of("c", "a"));
        RevisionException.MultipleHeads e = assertThrows(RevisionException.MultipleHeads.class, () -> g.upgradePlan("head", NONE));
        assertEquals(List.of("b", "c"), e.heads());
        assertEquals("multiple heads (b, c) where 'upgrade head' needs one: merge them with 'merge heads -m MESSAGE', or name one revision",
                e.getMessage());
        assertEquals(DiffgenException.ErrorCode.REVISION, e.code());
        assertThrows(RevisionException.MultipleHeads.class, () -> g.head("x"));
    }

    // ------------------------------------------------------------------ upgrade plans

    @Test
    void upgradeToHead() {
        RevisionGraph g = chain();
        assertEquals(List.of("a", "b", "c", "d"), g.upgradePlan("head", NONE));
        assertEquals(List.of("c", "d"), g.upgradePlan("head", Set.of("a", "b")));
        assertEquals(List.of(), g.upgradePlan("head", ALL_CHAIN));
    }

    @Test
    void upgradeToHeadsAppliesEveryBranch() {
        RevisionGraph g = graph(Revision.of("a"), Revision.of("b", "a"), Revision.of("c", "a"), Revision.of("c2", "c"));
        assertEquals(List.of("a", "b", "c", "c2"), g.upgradePlan("heads", NONE));
        assertEquals(List.of("c", "c2"), g.upgradePlan("heads", Set.of("a", "b")));
    }

    @Test
    void upgradeToARevisionAppliesOnlyItsAncestors() {
        RevisionGraph g = chain();
        assertEquals(List.of("a", "b"), g.upgradePlan("b", NONE));
        assertEquals(List.of("c"), g.upgradePlan("c", Set.of("a", "b")));
        assertEquals(List.of(), g.upgradePlan("b", ALL_CHAIN));
        assertEquals(List.of("a", "b", "c"), g.upgradePlan("c", NONE), "a prefix works too");
        assertThrows(RevisionException.UnknownRevision.class, () -> g.upgradePlan("nope", NONE));
    }

    @Test
    void upgradeToBaseDoesNothing() {
        assertEquals(List.of(), chain().upgradePlan("base", NONE));
    }

    @Test
    void relativeUpgradeFromBase() {
        RevisionGraph g = chain();
        assertEquals(List.of("a"), g.upgradePlan("+1", NONE));
        assertEquals(List.of("a", "b"), g.upgradePlan("+2", NONE));
        assertEquals(List.of("a", "b", "c", "d"), g.upgradePlan("+4", NONE));
    }

    @Test
    void relativeUpgradeFromTheCurrentRevision() {
        RevisionGraph g = chain();
        assertEquals(List.of("c"), g.upgradePlan("+1", Set.of("a", "b")));
        assertEquals(List.of("c", "d"), g.upgradePlan("+2", Set.of("a", "b")));
    }

    @Test
    void relativeUpgradeFromANamedRevision() {
        RevisionGraph g = chain();
        assertEquals(List.of("c", "d"), g.upgradePlan("b+2", Set.of("a", "b")));
        assertEquals(List.of("a", "b", "c"), g.upgradePlan("a+2", NONE), "ancestors of the target that are missing are applied too");
        assertEquals(List.of("b"), g.upgradePlan("a+1", Set.of("a")));
    }

    @Test
    void relativeUpgradePastHeadSaysHowManyAreAbove() {
        RevisionGraph g = chain();
        RevisionException.BadTarget fromBase = assertThrows(RevisionException.BadTarget.class, () -> g.upgradePlan("+5", NONE));
        assertEquals("cannot upgrade 5 step(s) from base: only 4 revision(s) above it", fromBase.getMessage());
        RevisionException.BadTarget fromCurrent = assertThrows(RevisionException.BadTarget.class, () -> g.upgradePlan("+3", Set.of("a", "b")));
        assertEquals("cannot upgrade 3 step(s) from b: only 2 revision(s) above it", fromCurrent.getMessage());
        RevisionException.BadTarget fromNamed = assertThrows(RevisionException.BadTarget.class, () -> g.upgradePlan("c+2", NONE));
        assertEquals("cannot upgrade 2 step(s) from c: only 1 revision(s) above it", fromNamed.getMessage());
        RevisionException.BadTarget atHead = assertThrows(RevisionException.BadTarget.class, () -> g.upgradePlan("+1", ALL_CHAIN));
        assertEquals("cannot upgrade 1 step(s) from d: only 0 revision(s) above it", atHead.getMessage());
    }

    @Test
    void relativeUpgradeAtABranchPointNeedsOneChild() {
        RevisionGraph g = graph(Revision.of("a"), Revision.of("b", "a"), Revision.of("c", "a"));
        RevisionException.MultipleHeads e = assertThrows(RevisionException.MultipleHeads.class, () -> g.upgradePlan("+1", Set.of("a")));
        assertEquals(List.of("b", "c"), e.heads());
        assertTrue(e.getMessage().contains("a relative upgrade from a"), e.getMessage());
        RevisionException.MultipleHeads current = assertThrows(RevisionException.MultipleHeads.class,
                () -> g.upgradePlan("+1", Set.of("a", "b", "c")));
        assertEquals(List.of("b", "c"), current.heads());
    }

    @Test
    void zeroStepsIsTheCurrentRevision() {
        assertEquals(List.of(), chain().upgradePlan("+0", Set.of("a", "b")));
        assertEquals(List.of("a", "b"), chain().upgradePlan("b+0", NONE));
    }

    // ------------------------------------------------------------------ downgrade plans

    @Test
    void downgradeRelative() {
        RevisionGraph g = chain();
        assertEquals(List.of("d"), g.downgradePlan("-1", ALL_CHAIN));
        assertEquals(List.of("d", "c"), g.downgradePlan("-2", ALL_CHAIN));
        assertEquals(List.of("d", "c", "b", "a"), g.downgradePlan("-4", ALL_CHAIN));
        assertEquals(List.of("b"), g.downgradePlan("-1", Set.of("a", "b")));
        assertEquals(List.of("d", "c"), g.downgradePlan("c-1", ALL_CHAIN));
    }

    /** As in Alembic: a step down from a merge point lands on all its parents, so -1 undoes the merge and no branch. */
    @Test
    void aRelativeDowngradeFromAMergeStopsAtItsParents() {
        RevisionGraph g = graph(Revision.of("a"), Revision.of("bra", "a"), Revision.of("brb", "a"), Revision.of("mrg", "bra", "brb"));
        Set<String> all = Set.of("a", "bra", "brb", "mrg");
        assertEquals(List.of("mrg"), g.downgradePlan("-1", all));
        assertEquals(List.of("mrg"), g.downgradePlan("mrg-1", all));
        assertEquals(List.of("mrg", "brb", "bra"), g.downgradePlan("-2", all));
        assertEquals(List.of("mrg", "brb", "bra", "a"), g.downgradePlan("-3", all));
    }

    @Test
    void downgradeToARevisionKeepsItAndItsAncestors() {
        RevisionGraph g = chain();
        assertEquals(List.of("d", "c"), g.downgradePlan("b", ALL_CHAIN));
        assertEquals(List.of(), g.downgradePlan("d", ALL_CHAIN));
        assertEquals(List.of("d", "c", "b"), g.downgradePlan("a", ALL_CHAIN));
    }

    @Test
    void downgradeToBaseRollsBackEverythingAppliedChildrenFirst() {
        RevisionGraph g = chain();
        assertEquals(List.of("d", "c", "b", "a"), g.downgradePlan("base", ALL_CHAIN));
        assertEquals(List.of("b", "a"), g.downgradePlan("base", Set.of("a", "b")));
        assertEquals(List.of(), g.downgradePlan("base", NONE));
    }

    @Test
    void downgradePastBaseSaysHowManyAreBelow() {
        RevisionGraph g = chain();
        RevisionException.BadTarget e = assertThrows(RevisionException.BadTarget.class, () -> g.downgradePlan("-5", ALL_CHAIN));
        assertEquals("cannot downgrade 5 step(s) from d: only 4 below it", e.getMessage());
        RevisionException.BadTarget e2 = assertThrows(RevisionException.BadTarget.class, () -> g.downgradePlan("-3", Set.of("a", "b")));
        assertEquals("cannot downgrade 3 step(s) from b: only 2 below it", e2.getMessage());
    }

    @Test
    void relativeDowngradeAtBaseAndUpwardTargets() {
        RevisionGraph g = chain();
        RevisionException.BadTarget atBase = assertThrows(RevisionException.BadTarget.class, () -> g.downgradePlan("-1", NONE));
        assertEquals("the database is at base: nothing to downgrade", atBase.getMessage());
        RevisionException.BadTarget up = assertThrows(RevisionException.BadTarget.class, () -> g.downgradePlan("+1", ALL_CHAIN));
        assertEquals("downgrade target '+1' goes up; use upgrade", up.getMessage());
    }

    // ------------------------------------------------------------------ headsOf

    @Test
    void headsOfAppliedSets() {
        RevisionGraph chain = chain();
        assertEquals(List.of(), chain.headsOf(NONE));
        assertEquals(List.of("b"), chain.headsOf(Set.of("a", "b")));
        assertEquals(List.of("d"), chain.headsOf(ALL_CHAIN));
        RevisionGraph merge = mergeGraph();
        assertEquals(List.of("b2", "c1"), merge.headsOf(Set.of("a", "b1", "b2", "c1")));
        assertEquals(List.of("b1", "c1"), merge.headsOf(Set.of("a", "b1", "c1")));
        assertEquals(List.of("m"), merge.headsOf(Set.of("a", "b1", "b2", "c1", "m")));
    }

    // ------------------------------------------------------------------ branches and merges

    /** a <- b1 <- b2 <- m, a <- c1 <- m */
    private static RevisionGraph mergeGraph() {
        return graph(Revision.of("a"), Revision.of("b1", "a"), Revision.of("b2", "b1"), Revision.of("c1", "a"), Revision.of("m", "b2", "c1"));
    }

    @Test
    void mergeGraphStructure() {
        RevisionGraph g = mergeGraph();
        assertEquals(List.of("m"), g.heads());
        assertEquals(List.of("a"), g.bases());
        assertEquals(List.of("a", "b1", "b2", "c1", "m"), ids(g.topological()));
        assertTrue(g.get("m").isMerge());
        assertFalse(g.get("b2").isMerge());
        assertEquals(Set.of("b1", "b2", "m"), g.descendantsInclusive("b1"));
        assertEquals(Set.of("m", "b2", "b1", "c1", "a"), g.ancestorsInclusive(List.of("m")));
    }

    @Test
    void upgradeToMergeAppliesBothBranchesFirst() {
        RevisionGraph g = mergeGraph();
        List<String> plan = g.upgradePlan("head", NONE);
        assertEquals(List.of("a", "b1", "b2", "c1", "m"), plan);
        assertEquals(List.of("b1", "b2", "m"), g.upgradePlan("head", Set.of("a", "c1")));
        assertEquals(List.of("c1", "m"), g.upgradePlan("m", Set.of("a", "b1", "b2")));
        assertEquals(List.of("m"), g.upgradePlan("b2+1", Set.of("a", "b1", "b2", "c1")), "the merge is one step above b2");
        assertEquals(List.of("c1", "m"), g.upgradePlan("b2+1", Set.of("a", "b1", "b2")), "and needs the other branch too");
        // with two current heads, a bare +1 has no single starting point
        RevisionException.MultipleHeads e = assertThrows(RevisionException.MultipleHeads.class,
                () -> g.upgradePlan("+1", Set.of("a", "b1", "b2", "c1")));
        assertEquals(List.of("b2", "c1"), e.heads());
    }

    @Test
    void beforeTheMergeThereAreTwoHeads() {
        RevisionGraph g = graph(Revision.of("a"), Revision.of("b1", "a"), Revision.of("b2", "b1"), Revision.of("c1", "a"));
        assertEquals(List.of("b2", "c1"), g.heads());
        assertEquals(List.of("a", "b1", "b2", "c1"), g.upgradePlan("heads", NONE));
        assertThrows(RevisionException.MultipleHeads.class, () -> g.upgradePlan("head", NONE));
        assertEquals(List.of("a", "c1"), g.upgradePlan("c1", NONE));
        RevisionException.MultipleHeads rel = assertThrows(RevisionException.MultipleHeads.class,
                () -> g.downgradePlan("-1", Set.of("a", "b1", "b2", "c1")));
        assertEquals(List.of("b2", "c1"), rel.heads());
    }

    @Test
    void downgradeFromMergeToOneBranch() {
        RevisionGraph g = mergeGraph();
        Set<String> all = Set.of("a", "b1", "b2", "c1", "m");
        assertEquals(List.of("m", "b2", "b1"), g.downgradePlan("c1", all));
        assertEquals(List.of("m", "c1"), g.downgradePlan("b2", all));
        assertEquals(List.of("m", "c1", "b2"), g.downgradePlan("b1", all));
        // -1 from a merge undoes the merge only, as Alembic's does (it used to follow the first parent, rolling a branch back)
        assertEquals(List.of("m"), g.downgradePlan("-1", all));
        assertEquals(List.of("m", "c1", "b2", "b1", "a"), g.downgradePlan("base", all));
    }

    // ------------------------------------------------------------------ long chains

    private static final int LONG = 10_000;

    private static List<Revision> longChain() {
        List<Revision> revisions = new ArrayList<>(LONG);
        revisions.add(Revision.of(id(0)));
        for (int i = 1; i < LONG; i++) {
            revisions.add(Revision.of(id(i), id(i - 1)));
        }
        return revisions;
    }

    private static String id(int i) {
        return String.format("r%05d", i);
    }

    private static void exerciseLongChain() {
        RevisionGraph g = new RevisionGraph(longChain());
        List<Revision> topo = g.topological();
        assertEquals(LONG, topo.size());
        assertEquals(id(0), topo.get(0).id());
        assertEquals(id(LONG - 1), topo.get(LONG - 1).id());
        assertEquals(List.of(id(LONG - 1)), g.heads());
        assertEquals(List.of(id(0)), g.bases());

        List<String> up = g.upgradePlan("head", Set.of());
        assertEquals(LONG, up.size());
        assertEquals(id(0), up.get(0));
        assertEquals(id(LONG - 1), up.get(LONG - 1));

        Set<String> all = new HashSet<>(up);
        List<String> down = g.downgradePlan("base", all);
        assertEquals(LONG, down.size());
        assertEquals(id(LONG - 1), down.get(0));
        assertEquals(id(0), down.get(LONG - 1));

        assertEquals(LONG, g.upgradePlan("+" + LONG, Set.of()).size());
        assertEquals(LONG, g.downgradePlan("-" + LONG, all).size());
        assertEquals(LONG, g.ancestorsInclusive(List.of(id(LONG - 1))).size());
        assertEquals(LONG, g.descendantsInclusive(id(0)).size());
        assertEquals(List.of(id(LONG - 1)), g.headsOf(all));
    }

    @Test
    void tenThousandLongChainOnTheNormalStack() {
        exerciseLongChain();
    }

    /**
     * The same on a thread with a 256 KiB stack: a recursive walk needs a frame per revision, and ten
     * thousand of them do not fit, so this passes only if the code is iterative.
     */
    @Test
    void tenThousandLongChainOnASmallStack() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                exerciseLongChain();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError("failed on a small stack", failure.get());
        }
    }

    /** Guards the small-stack test: the same stack really is too small for one frame per revision. */
    @Test
    void smallStackReallyIsTooSmallForRecursion() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                recurse(LONG);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack-guard", 256 * 1024);
        t.start();
        t.join();
        assertTrue(failure.get() instanceof StackOverflowError, "expected StackOverflowError, got " + failure.get());
    }

    private static int recurse(int depth) {
        // about what a recursive depth-first walk keeps per frame
        String a = "x" + depth;
        Set<String> b = Set.of(a);
        return depth == 0 ? b.size() : recurse(depth - 1) + recurse(0) + b.size();
    }

    @Test
    void revisionOfCopiesParents() {
        Revision r = Revision.of("x", "p1", "p2");
        assertEquals(List.of("p1", "p2"), r.parents());
        assertTrue(r.isMerge());
        assertEquals("x", r.location());
        assertSame(Optional.empty(), r.path());
        assertEquals("001_x.sql", inFile("x", "001_x.sql").location());
    }
}
