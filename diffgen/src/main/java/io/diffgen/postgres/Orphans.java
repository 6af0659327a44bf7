package io.diffgen.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Throwaway clusters whose diffgen process died without cleaning up (kill -9, a crash, a closed
 * laptop) are stopped and deleted by the next diffgen run. Each cluster folder records its owner
 * (pid and start time, so a reused pid is not taken for it); a folder whose owner is gone has its
 * postmaster, if one still runs on it, stopped with SIGINT, and is removed.
 */
final class Orphans {
    private static final String OWNER = ".owner";

    private Orphans() {
    }

    /** Marks {@code dataDirectory} as this process's, in a file beside it (initdb wants the folder empty). */
    static void claim(Path dataDirectory) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(owner(dataDirectory), self.pid() + " " + self.info().startInstant().map(Instant::toString).orElse("?"),
                StandardCharsets.UTF_8);
    }

    /** The folder is gone or published under another name: nothing to reap any more. */
    static void release(Path dataDirectory) {
        try {
            Files.deleteIfExists(owner(dataDirectory));
        } catch (IOException ignored) {
            // a stale owner file of a missing folder is skipped by reap
        }
    }

    private static Path owner(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + OWNER);
    }

    /** Reaps the folders under {@code parent} whose names start with {@code prefix} and whose owner is gone. */
    static void reap(Path parent, String prefix) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(prefix) && Files.isDirectory(d)).toList()) {
                if (Files.isRegularFile(owner(dir)) && !ownerAlive(dir)) {
                    stopPostmaster(dir);
                    DataDirectory.delete(dir);
                    release(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // reaping is tidying; a failure here must not fail the command
        }
    }

    private static boolean ownerAlive(Path dir) throws IOException {
        String[] owner = Files.readString(owner(dir)).strip().split(" ");
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(owner[0]));
        return process.filter(ProcessHandle::isAlive)
                .filter(p -> owner.length < 2 || owner[1].equals("?") || p.info().startInstant().map(Instant::toString).orElse("?").equals(owner[1]))
                .isPresent();
    }

    private static void stopPostmaster(Path dir) {
        Optional<ProcessHandle> postmaster = DataDirectory.postmasterPid(dir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dir.toString())).orElse(false));
        if (postmaster.isPresent()) {
            try {
                DataDirectory.interrupt(postmaster.get().pid());
                postmaster.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                postmaster.get().destroyForcibly();
            }
        }
    }
}
