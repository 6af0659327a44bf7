package io.diffgen.maven;

import org.apache.maven.plugin.MojoExecutionException;

final class Required {
    private Required() {
    }

    static String value(String value, String property, String example) throws MojoExecutionException {
        if (value == null || value.isBlank()) {
            throw new MojoExecutionException(property + " is required, for example -D" + property + "=" + example);
        }
        return value.strip();
    }
}
