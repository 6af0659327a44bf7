package io.diffgen.cli;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;

/**
 * The jar's entry point, which needs nothing but the JDK: diffgen.jar finds its libraries in the
 * {@code lib/} folder built beside it (its manifest's Class-Path), and a jar copied without that
 * folder would otherwise die in a NoClassDefFoundError before any of diffgen's own code ran.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        try {
            Class.forName("picocli.CommandLine", false, Launcher.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            System.err.println("error: diffgen.jar runs with the lib/ folder that is built beside it, and " + libFolder()
                    + " is missing or incomplete: copy diffgen.jar together with its lib/ folder (or unpack diffgen-dist.zip from 'make dist')");
            System.exit(2);
        }
        MethodHandles.publicLookup().findStatic(Class.forName("io.diffgen.cli.Main"), "main", MethodType.methodType(void.class, String[].class))
                .invokeExact(args);
    }

    private static String libFolder() {
        try {
            return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolveSibling("lib").toString();
        } catch (Exception e) {
            return "lib/";
        }
    }
}
