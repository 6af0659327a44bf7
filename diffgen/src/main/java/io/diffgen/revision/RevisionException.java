package io.diffgen.revision;

import io.diffgen.DiffgenException;

import java.util.List;

/** Something is wrong with the revision graph or a revision reference. Subclasses carry their data. */
public sealed class RevisionException extends DiffgenException {
    RevisionException(String message) {
        super(ErrorCode.REVISION, message);
    }

    public static final class MultipleHeads extends RevisionException {
        private final List<String> heads;

        public MultipleHeads(List<String> heads, String what) {
            super("multiple heads (" + String.join(", ", heads) + ") where " + what
                    + " needs one: merge them with 'merge heads -m MESSAGE', or name one revision");
            this.heads = List.copyOf(heads);
        }

        public List<String> heads() {
            return heads;
        }
    }

    public static final class UnknownRevision extends RevisionException {
        public UnknownRevision(String reference) {
            super("no revision matches '" + reference + "'");
        }
    }

    public static final class AmbiguousRevision extends RevisionException {
        public AmbiguousRevision(String reference, List<String> candidates) {
            super("revision prefix '" + reference + "' is ambiguous: " + String.join(", ", candidates));
        }
    }

    public static final class MissingParent extends RevisionException {
        public MissingParent(Revision revision, String parent) {
            super("revision " + revision.id() + " (" + revision.location() + ") revises " + parent + ", which does not exist");
        }
    }

    public static final class DuplicateRevision extends RevisionException {
        public DuplicateRevision(Revision first, Revision second) {
            super("revision id " + first.id() + " is used twice: " + first.location() + " and " + second.location());
        }
    }

    public static final class Cycle extends RevisionException {
        public Cycle(List<Revision> revisions) {
            super("revisions form a cycle: " + String.join(" -> ", revisions.stream().map(r -> r.id() + " (" + r.location() + ")").toList()));
        }
    }

    public static final class BadTarget extends RevisionException {
        public BadTarget(String message) {
            super(message);
        }
    }

    public static final class BadScript extends RevisionException {
        public BadScript(String message) {
            super(message);
        }
    }
}
