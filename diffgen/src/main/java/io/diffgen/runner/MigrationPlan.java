package io.diffgen.runner;

import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import liquibase.changelog.ChangeSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an upgrade, a downgrade or a stamp does, computed once from where the database stands: the
 * runner executes it on a connection, {@link SqlScript} renders it for {@code --sql}. Both therefore
 * run the same revisions and changesets, in the same order, with the same bookkeeping.
 */
record MigrationPlan(Kind kind, List<Step> steps) {
    enum Kind { UPGRADE, DOWNGRADE, STAMP }

    /** What one step does to the database. */
    enum Action {
        /** run the changesets' statements, then record each */
        APPLY,
        /** run the changesets' rollbacks, last first, then forget each */
        ROLL_BACK,
        /** record the changesets as run, running nothing */
        RECORD,
        /** forget the changesets, running nothing */
        FORGET
    }

    /** One revision, and which of its changesets the step touches, in the order it touches them. */
    record Step(Revision revision, Action action, List<ChangeSet> changeSets) {
        Step {
            changeSets = List.copyOf(changeSets);
        }
    }

    MigrationPlan {
        steps = List.copyOf(steps);
    }

    /** Revisions up to {@code target}, in {@code phases}; a partly applied revision resumes after what ran. */
    static MigrationPlan upgrade(RevisionGraph graph, ChangeSetParser parser, Progress progress, String target, RevisionGraph.Phases phases) {
        List<Step> steps = new ArrayList<>();
        for (String id : graph.upgradePlan(target, progress.applied(), phases)) {
            Revision revision = graph.get(id);
            List<ChangeSet> pending = parser.changeSets(revision).stream()
                    .filter(cs -> !progress.ranChangeSets().contains(cs.getId())).toList();
            steps.add(new Step(revision, Action.APPLY, pending));
        }
        return new MigrationPlan(Kind.UPGRADE, steps);
    }

    /** Revisions down to {@code target}, children first; within one, the changesets that ran, last first. */
    static MigrationPlan downgrade(RevisionGraph graph, ChangeSetParser parser, Progress progress, String target) {
        List<Step> steps = new ArrayList<>();
        for (String id : graph.downgradePlan(target, progress.started())) {
            Revision revision = graph.get(id);
            List<ChangeSet> ran = new ArrayList<>(parser.changeSets(revision).stream()
                    .filter(cs -> progress.ranChangeSets().contains(cs.getId())).toList());
            java.util.Collections.reverse(ran);
            for (ChangeSet cs : ran) {
                if (cs.getRollback().getChanges().isEmpty()) {
                    throw new io.diffgen.DiffgenException(io.diffgen.DiffgenException.ErrorCode.REVISION, "revision " + id + " ("
                            + revision.location() + ") cannot be downgraded: changeset " + cs.getId() + " has no --rollback; "
                            + "add one (--rollback SELECT 1; if nothing needs undoing) and run the downgrade again; nothing was changed");
                }
            }
            steps.add(new Step(revision, Action.ROLL_BACK, ran));
        }
        return new MigrationPlan(Kind.DOWNGRADE, steps);
    }

    /**
     * The tracking rows that put the database at {@code target} ({@code head}, {@code heads}, a
     * revision or {@code base}): revisions beyond it forgotten (children first), missing ones recorded.
     */
    static MigrationPlan stamp(RevisionGraph graph, ChangeSetParser parser, Progress progress, String target) {
        Set<String> goal = graph.appliedAt(target, "'stamp head'");
        Set<String> started = progress.started();
        List<Step> steps = new ArrayList<>();
        List<Revision> order = graph.topological();
        for (int i = order.size() - 1; i >= 0; i--) {
            Revision r = order.get(i);
            if (started.contains(r.id()) && !goal.contains(r.id())) {
                steps.add(new Step(r, Action.FORGET, parser.changeSets(r).stream()
                        .filter(cs -> progress.ranChangeSets().contains(cs.getId())).toList()));
            }
        }
        for (Revision r : order) {
            if (goal.contains(r.id()) && !progress.applied().contains(r.id())) {
                steps.add(new Step(r, Action.RECORD, parser.changeSets(r).stream()
                        .filter(cs -> !progress.ranChangeSets().contains(cs.getId())).toList()));
            }
        }
        return new MigrationPlan(Kind.STAMP, steps);
    }
}
