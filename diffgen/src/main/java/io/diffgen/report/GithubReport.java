package io.diffgen.report;

/**
 * GitHub Actions workflow commands: one {@code ::error}, {@code ::warning} or {@code ::notice} per
 * finding, on the revision's file and line where it has them (the pull request then shows it on that
 * line), and a last notice with the summary. Values are escaped as the runner decodes them.
 */
final class GithubReport {
    private GithubReport() {
    }

    static String render(Report report) {
        StringBuilder out = new StringBuilder();
        for (Finding f : report.findings()) {
            String level = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            StringBuilder properties = new StringBuilder();
            f.file().ifPresent(file -> properties.append("file=").append(property(file)).append(','));
            if (f.line().isPresent()) properties.append("line=").append(f.line().getAsInt()).append(',');
            properties.append("title=").append(property(title(report, f)));
            out.append("::").append(level).append(' ').append(properties).append("::").append(data(f.message())).append('\n');
        }
        out.append("::notice title=").append(property("diffgen " + report.command())).append("::").append(data(report.summary())).append('\n');
        return out.toString();
    }

    private static String title(Report report, Finding f) {
        return "diffgen " + f.code().map(c -> c.name() + " " + c.slug()).orElse(report.command() + ": " + JsonReport.name(f.kind()))
                + " (" + f.object() + ")";
    }

    /** A message: %, CR and LF escaped. */
    static String data(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: also : and , escaped. */
    static String property(String value) {
        return data(value).replace(":", "%3A").replace(",", "%2C");
    }
}
