package io.diffgen.revision;

import io.diffgen.DiffgenException;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The revisions and their parent links: heads, bases, ancestry and the resolution of references
 * such as {@code head}, {@code base}, an id prefix, {@code +2}, {@code -1} or {@code ae10+1}.
 * Built from a list, with no files and no database. Iterative throughout, so long chains are safe.
 */
public final class RevisionGraph {
    private static final Pattern RELATIVE = Pattern.compile("^(.*?)([+-])(\\d+)$");

    private final Map<String, Revision> byId;
    private final Map<String, List<String>> children;
    /** Parents before children; ties broken by creation order (the order given). */
    private final List<String> topological;

    public RevisionGraph(Collection<Revision> revisions) {
        Map<String, Revision> ids = new LinkedHashMap<>();
        for (Revision r : revisions) {
            Revision previous = ids.putIfAbsent(r.id(), r);
            if (previous != null) {
                throw new RevisionException.DuplicateRevision(previous, r);
            }
        }
        Map<String, List<String>> kids = new HashMap<>();
        for (Revision r : ids.values()) {
            kids.putIfAbsent(r.id(), new ArrayList<>());
            for (String p : r.parents()) {
                if (!ids.containsKey(p)) {
                    throw new RevisionException.MissingParent(r, p);
                }
                kids.computeIfAbsent(p, k -> new ArrayList<>()).add(r.id());
            }
        }
        this.byId = ids;
        this.children = kids;
        this.topological = sort(ids, kids);
    }

    private static List<String> sort(Map<String, Revision> ids, Map<String, List<String>> kids) {
        Map<String, Integer> position = new HashMap<>();
        int i = 0;
        for (String id : ids.keySet()) position.put(id, i++);
        Map<String, Integer> waiting = new HashMap<>();
        java.util.PriorityQueue<String> ready = new java.util.PriorityQueue<>(Comparator.comparing(position::get));
        for (Revision r : ids.values()) {
            waiting.put(r.id(), r.parents().size());
            if (r.parents().isEmpty()) ready.add(r.id());
        }
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String child : kids.get(id)) {
                if (waiting.merge(child, -1, Integer::sum) == 0) ready.add(child);
            }
        }
        if (order.size() != ids.size()) {
            throw new RevisionException.Cycle(findCycle(ids, new HashSet<>(order)));
        }
        return List.copyOf(order);
    }

    private static List<Revision> findCycle(Map<String, Revision> ids, Set<String> acyclic) {
        // walk parent links from any revision left over; a revision seen twice closes the cycle
        String start = ids.keySet().stream().filter(id -> !acyclic.contains(id)).findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        String current = start;
        while (!path.contains(current)) {
            path.add(current);
            current = ids.get(current).parents().stream().filter(p -> !acyclic.contains(p)).findFirst().orElseThrow();
        }
        List<Revision> cycle = new ArrayList<>();
        for (String id : path.subList(path.indexOf(current), path.size())) cycle.add(ids.get(id));
        cycle.add(ids.get(current));
        return cycle;
    }

    public Revision get(String id) {
        Revision r = byId.get(id);
        if (r == null) throw new RevisionException.UnknownRevision(id);
        return r;
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public int size() {
        return byId.size();
    }

    /** All revisions, parents before children. */
    public List<Revision> topological() {
        return topological.stream().map(byId::get).toList();
    }

    public List<String> heads() {
        return topological.stream().filter(id -> children.get(id).isEmpty()).toList();
    }

    public List<String> bases() {
        return topological.stream().filter(id -> byId.get(id).parents().isEmpty()).toList();
    }

    public List<String> children(String id) {
        return List.copyOf(children.get(get(id).id()));
    }

    /** The single head, or an error naming all of them. */
    public String head(String what) {
        List<String> heads = heads();
        if (heads.size() > 1) throw new RevisionException.MultipleHeads(heads, what);
        if (heads.isEmpty()) throw new RevisionException.BadTarget("there are no revisions yet");
        return heads.get(0);
    }

    /** The revisions and all their ancestors. */
    public Set<String> ancestorsInclusive(Collection<String> ids) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) todo.addAll(get(id).parents());
        }
        return seen;
    }

    /** The revisions and all their descendants. */
    public Set<String> descendantsInclusive(String id) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) todo.addAll(children.get(next));
        }
        return seen;
    }

    /** Full id for {@code head} (the single head; {@code what} names the asker if there are several), an id or a unique prefix. */
    public String resolve(String reference, String what) {
        return reference.equals("head") ? head(what) : resolveId(reference);
    }

    /** Full id for an id or unique prefix. */
    public String resolveId(String reference) {
        if (byId.containsKey(reference)) return reference;
        List<String> matches = byId.keySet().stream().filter(id -> id.startsWith(reference)).sorted().toList();
        if (matches.isEmpty() || reference.isEmpty()) throw new RevisionException.UnknownRevision(reference);
        if (matches.size() > 1) throw new RevisionException.AmbiguousRevision(reference, matches);
        return matches.get(0);
    }

    /** Words the graph reads as targets, never as revision ids. */
    private static final java.util.Set<String> RESERVED_IDS = java.util.Set.of("head", "heads", "base", "current");

    /**
     * A revision id a user chose ({@code --rev-id}): 1-40 letters, digits or underscores, not a word
     * that names a target, and not taken.
     */
    public String checkedNewRevisionId(String id) {
        if (!id.matches("[A-Za-z0-9_]{1,40}")) {
            throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "--rev-id must be 1-40 letters, digits or underscores");
        }
        if (RESERVED_IDS.contains(id.toLowerCase(java.util.Locale.ROOT))) {
            throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "--rev-id " + id + " is a reserved word (head, heads, base, current)");
        }
        if (contains(id)) {
            throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "revision id " + id + " already exists");
        }
        return id;
    }

    /** A fresh random 12-hex-digit revision id that no existing revision uses. */
    public String newRevisionId() {
        while (true) {
            byte[] bytes = new byte[6];
            RANDOM.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            if (!contains(id)) {
                return id;
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The parents of a new revision: the single head (none while there are no revisions), or {@code head}
     * resolved, which must be a head unless {@code splice} starts a branch; {@code base} starts a new base.
     */
    public List<String> parentsOfNew(String head, boolean splice) {
        if (head == null) {
            return isEmpty() ? List.of() : List.of(head("a new revision"));
        }
        if (head.equals("base")) {
            if (!isEmpty() && !splice) {
                throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "--head base starts a new base; add --splice to do that");
            }
            return List.of();
        }
        String resolved = resolve(head, "--head head");
        if (!heads().contains(resolved) && !splice) {
            throw new DiffgenException(DiffgenException.ErrorCode.USAGE,
                    "revision " + resolved + " is not a head; add --splice to start a branch from it");
        }
        return List.of(resolved);
    }

    /** The revisions a merge joins: {@code heads}, ids or prefixes, two or more once resolved. */
    public List<String> mergeParents(List<String> references) {
        LinkedHashSet<String> parents = new LinkedHashSet<>();
        for (String r : references) {
            if (r.equals("heads")) parents.addAll(heads());
            else parents.add(resolveId(r));
        }
        if (parents.size() < 2) {
            throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "nothing to merge: " + (parents.isEmpty() ? "no revisions"
                    : "only " + String.join(", ", parents)) + " (a merge needs two or more heads)");
        }
        return List.copyOf(parents);
    }

    /** The heads of a set of applied revisions: what {@code current} shows. */
    public List<String> headsOf(Set<String> applied) {
        return topological.stream().filter(applied::contains)
                .filter(id -> children.get(id).stream().noneMatch(applied::contains)).toList();
    }

    /**
     * The revisions a database at {@code target} has applied: none at {@code base}, every ancestor of the
     * heads at {@code heads}, of the single head at {@code head} ({@code what} names the asker if there are
     * several), else of the revision an id or prefix names.
     */
    public Set<String> appliedAt(String target, String what) {
        return switch (target) {
            case "base" -> Set.of();
            case "heads" -> ancestorsInclusive(heads());
            case "head" -> ancestorsInclusive(List.of(head(what)));
            default -> ancestorsInclusive(List.of(resolveId(target)));
        };
    }

    /**
     * The revisions of {@code history -r FROM:TO}, oldest first: the ancestors of TO ({@code head}, an id or
     * prefix; empty or {@code heads}: every head) that are not FROM (an id or prefix; empty or {@code base}:
     * none) or below it.
     */
    public List<Revision> between(Range range) {
        Set<String> upTo = range.to().isEmpty() || range.to().equals("heads") ? ancestorsInclusive(heads())
                : ancestorsInclusive(List.of(resolve(range.to(), "history -r")));
        Set<String> below = range.from().isEmpty() || range.from().equals("base") ? Set.of()
                : ancestorsInclusive(List.of(resolveId(range.from())));
        return topological().stream().filter(r -> upTo.contains(r.id()) && !below.contains(r.id())).toList();
    }

    /** A range {@code FROM:TO} of revision references; an end left out is the empty string. */
    public record Range(String from, String to) {
        /** {@code [FROM]:[TO]}, as {@code history -r} takes it: the colon is required, either end may be empty. */
        public static Range ofHistory(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "bad range '" + text + "': expected [FROM]:[TO]");
            }
            return new Range(text.substring(0, colon), text.substring(colon + 1));
        }

        /**
         * {@code [FROM:]TO}, as the offline ({@code --sql}) forms of {@code command} take it: FROM left out is
         * base, unless {@code fromRequired}, since then nothing else tells where the database starts.
         */
        public static Range ofScript(String text, String command, boolean fromRequired) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                if (fromRequired) {
                    throw new DiffgenException(DiffgenException.ErrorCode.USAGE, command + " --sql needs a range FROM:TO (for example head:base), "
                            + "since no database says where it starts");
                }
                return new Range("base", text);
            }
            Range range = new Range(text.substring(0, colon), text.substring(colon + 1));
            if (range.from().isEmpty() || range.to().isEmpty()) {
                throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "bad range '" + text + "': expected FROM:TO");
            }
            return range;
        }
    }

    /** The revision a script's range starts from: none for {@code base}, else {@code head}, an id or a prefix. */
    public List<String> startOf(Range range) {
        return range.from().equals("base") ? List.of() : List.of(resolve(range.from(), "--sql"));
    }

    /**
     * Resolves an upgrade target against the applied set: {@code head}, {@code heads}, a revision,
     * {@code +N}, or {@code REV+N}. Returns the revisions that must be applied, in order.
     */
    public List<String> upgradePlan(String target, Set<String> applied) {
        Set<String> goal;
        Matcher relative = RELATIVE.matcher(target);
        if (target.equals("heads")) {
            goal = new HashSet<>(heads());
        } else if (target.equals("head")) {
            goal = Set.of(head("'upgrade head'"));
        } else if (relative.matches() && relative.group(2).equals("+")) {
            String from = relative.group(1).isEmpty() ? currentSingle(applied, "a relative upgrade", false) : resolveId(relative.group(1));
            goal = Set.of(walkUp(from, Integer.parseInt(relative.group(3))));
        } else if (target.equals("base")) {
            goal = Set.of();
        } else {
            goal = Set.of(resolveId(target));
        }
        Set<String> needed = goal.isEmpty() ? Set.of() : ancestorsInclusive(goal);
        return topological.stream().filter(needed::contains).filter(id -> !applied.contains(id)).toList();
    }

    /** Which phases of expand/contract pairs an upgrade runs. */
    public enum Phases {
        /** {@code upgrade}: plain revisions and expands, stopping before the first contract (before the deploy). */
        EXPAND,
        /** {@code contract}: only the pending contracts whose expand has run (after the deploy). */
        CONTRACT,
        /** {@code upgrade --contract}: everything up to the target (a database no application runs on yet). */
        ALL
    }

    /**
     * {@link #upgradePlan(String, Set)} for {@code phases}. An {@code upgrade} leaves out the pending
     * contracts, and is refused if a revision after one of them would have to run: that would start the
     * next deploy's expand while the last deploy's contract is pending. A {@code contract} runs the
     * contracts whose expand is applied, and is refused if only contracts whose expand is not applied
     * are pending. Refusals name the revisions and what to run; nothing has run.
     */
    public List<String> upgradePlan(String target, Set<String> applied, Phases phases) {
        if (phases == Phases.CONTRACT) {
            List<String> ready = contractsReady(applied);
            if (ready.isEmpty()) {
                List<String> waiting = topological.stream().filter(id -> !applied.contains(id) && get(id).isContract()).toList();
                if (!waiting.isEmpty()) {
                    String contract = waiting.get(0);
                    String expand = get(contract).parents().get(0);
                    throw new DiffgenException(DiffgenException.ErrorCode.REFUSED, "cannot contract " + contract + " before its expand "
                            + expand + " has run to the end: run 'diffgen upgrade' before the deploy, deploy, then 'diffgen contract'");
                }
            }
            return ready;
        }
        List<String> plan = upgradePlan(target, applied);
        if (phases == Phases.ALL) return plan;
        Set<String> held = new HashSet<>();
        for (String id : plan) {
            if (get(id).isContract() || get(id).parents().stream().anyMatch(held::contains)) held.add(id);
        }
        Optional<String> beyond = plan.stream().filter(id -> held.contains(id) && !get(id).isContract()).findFirst();
        if (beyond.isPresent()) {
            String contract = plan.stream().filter(id -> held.contains(id) && get(id).isContract()).findFirst().orElseThrow();
            throw new DiffgenException(DiffgenException.ErrorCode.REFUSED, "cannot upgrade to " + beyond.get() + ": it comes after contract "
                    + contract + ", which has not run, and no later revision runs while a contract is pending; run "
                    + "'diffgen contract' once every instance runs the version that needs " + get(contract).parents().get(0)
                    + " (or 'upgrade --contract' on a database no application uses yet), then upgrade");
        }
        return plan.stream().filter(id -> !held.contains(id)).toList();
    }

    /**
     * Whether all that is left to reach the heads is contracts whose expand has run: the database works with the
     * new version, and counts as up to date.
     */
    public boolean onlyContractsPending(Set<String> applied) {
        return contractsReady(applied).containsAll(upgradePlan("heads", applied));
    }

    /** The contracts not applied whose expand is: what {@code contract} runs, and what {@code upgrade} stops before. */
    public List<String> contractsReady(Set<String> applied) {
        return topological.stream().filter(id -> !applied.contains(id) && get(id).isContract() && applied.containsAll(get(id).parents()))
                .toList();
    }

    /**
     * Resolves a downgrade target: {@code base}, a revision, {@code -N} or {@code REV-N}. Returns the
     * applied revisions to roll back, children before parents.
     */
    public List<String> downgradePlan(String target, Set<String> applied) {
        Set<String> keep;
        Matcher relative = RELATIVE.matcher(target);
        if (target.equals("base")) {
            keep = Set.of();
        } else if (relative.matches() && relative.group(2).equals("-")) {
            String from = relative.group(1).isEmpty() ? currentSingle(applied, "a relative downgrade", true) : resolveId(relative.group(1));
            Set<String> to = walkDown(from, Integer.parseInt(relative.group(3)));
            keep = to.isEmpty() ? Set.of() : ancestorsInclusive(List.copyOf(to));
        } else if (relative.matches()) {
            throw new RevisionException.BadTarget("downgrade target '" + target + "' goes up; use upgrade");
        } else {
            keep = ancestorsInclusive(List.of(resolveId(target)));
        }
        List<String> undo = new ArrayList<>();
        for (int i = topological.size() - 1; i >= 0; i--) {
            String id = topological.get(i);
            if (applied.contains(id) && !keep.contains(id)) undo.add(id);
        }
        return undo;
    }

    /** The single revision the database is at, or null at base (which a downgrade refuses). */
    private String currentSingle(Set<String> applied, String what, boolean downgrade) {
        List<String> current = headsOf(applied);
        if (current.size() > 1) throw new RevisionException.MultipleHeads(current, what);
        if (current.isEmpty()) {
            if (downgrade) throw new RevisionException.BadTarget("the database is at base: nothing to downgrade");
            return null;
        }
        return current.get(0);
    }

    private String walkUp(String from, int steps) {
        String current = from;
        for (int i = 0; i < steps; i++) {
            List<String> next = current == null ? bases() : children.get(current);
            if (next.isEmpty()) {
                throw new RevisionException.BadTarget("cannot upgrade " + steps + " step(s) from " + (from == null ? "base" : from)
                        + ": only " + i + " revision(s) above it");
            }
            if (next.size() > 1) {
                throw new RevisionException.MultipleHeads(next, "a relative upgrade from " + (current == null ? "base" : current));
            }
            current = next.get(0);
        }
        return current;
    }

    /**
     * The revisions N steps below, empty for base. A step down from a merge point lands on all its
     * parents, as in Alembic: {@code -1} from a merge undoes the merge only, not a branch.
     */
    private Set<String> walkDown(String from, int steps) {
        Set<String> current = Set.of(from);
        for (int i = 0; i < steps; i++) {
            if (current.isEmpty()) {
                throw new RevisionException.BadTarget("cannot downgrade " + steps + " step(s) from " + from + ": only " + i + " below it");
            }
            Set<String> below = new java.util.LinkedHashSet<>();
            current.forEach(id -> below.addAll(get(id).parents()));
            current = below;
        }
        return current;
    }
}
