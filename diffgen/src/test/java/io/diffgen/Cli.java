package io.diffgen;

import io.diffgen.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the diffgen command line in-process with the arguments a user would type, capturing what it
 * prints: fast, but not the user's process (no JVM start, no real stdout); {@code io.diffgen.process.Jar}
 * runs the packaged jar for that.
 */
public final class Cli {

    public record Result(int exitCode, String out, String err) {
        public Result assertOk() {
            if (exitCode != 0) {
                throw new AssertionError("diffgen exited " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err);
            }
            return this;
        }
    }

    private Cli() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    public static Result run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    /** Arguments joined from several lists and strings. */
    public static List<String> args(Object... parts) {
        List<String> all = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof List<?> list) list.forEach(o -> all.add(String.valueOf(o)));
            else all.add(String.valueOf(p));
        }
        return all;
    }
}
