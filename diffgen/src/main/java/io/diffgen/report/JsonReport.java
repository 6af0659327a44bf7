package io.diffgen.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * The JSON format, version 1: {@code {"tool", "version", "format": 1, "command", "ok", "summary",
 * "findings": [{"kind", "object", "code", "rule", "category", "severity", "message", "file", "line"}],
 * "status"}}; absent values are null, and {@code status} is there for the status command only. New
 * fields may be added within a version; a field removed or changed in meaning makes a new version.
 */
final class JsonReport {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(Report report, String version) {
        ObjectNode root = JSON.createObjectNode();
        root.put("tool", "diffgen");
        root.put("version", version);
        root.put("format", VERSION);
        root.put("command", report.command());
        root.put("ok", report.ok());
        root.put("summary", report.summary());
        var findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode one = findings.addObject();
            one.put("kind", name(f.kind()));
            one.put("object", f.object());
            one.put("code", f.code().map(Enum::name).orElse(null));
            one.put("rule", f.code().map(c -> c.slug()).orElse(null));
            one.put("category", f.code().map(c -> c.category()).orElse(null));
            one.put("severity", name(f.severity()));
            one.put("message", f.message());
            one.put("file", f.file().orElse(null));
            if (f.line().isPresent()) one.put("line", f.line().getAsInt());
            else one.putNull("line");
        }
        report.status().ifPresent(status -> root.set("status", JSON.valueToTree(status)));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code DATA_CHECK} as {@code data-check}. */
    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
