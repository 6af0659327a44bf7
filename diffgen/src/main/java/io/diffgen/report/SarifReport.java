package io.diffgen.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.diffgen.lint.Diagnostic;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * SARIF 2.1.0, as GitHub code scanning takes it, built with the OASIS schema's Java binding
 * (java-sarif): one rule per DG code and one per other kind of finding, one result per finding, at the
 * revision's file and line where it has them.
 */
final class SarifReport {
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {
    }

    static String render(Report report, String version) {
        List<ReportingDescriptor> rules = new ArrayList<>();
        for (Diagnostic.Code code : Diagnostic.Code.values()) {
            rules.add(new ReportingDescriptor().withId(code.name()).withName(code.slug())
                    .withShortDescription(new MultiformatMessageString().withText(code.slug() + ": " + code.category())));
        }
        for (Finding.Kind kind : Finding.Kind.values()) {
            if (kind != Finding.Kind.WARNING) {
                rules.add(new ReportingDescriptor().withId(ruleId(kind)).withName(JsonReport.name(kind))
                        .withShortDescription(new MultiformatMessageString().withText(description(kind))));
            }
        }
        List<Result> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            Result result = new Result().withRuleId(f.code().map(Enum::name).orElse(ruleId(f.kind())))
                    .withLevel(switch (f.severity()) {
                        case ERROR -> Result.Level.ERROR;
                        case WARNING -> Result.Level.WARNING;
                        case NOTE -> Result.Level.NOTE;
                    })
                    .withMessage(new Message().withText(f.message() + " (" + f.object() + ")"));
            f.file().ifPresent(file -> {
                PhysicalLocation where = new PhysicalLocation().withArtifactLocation(new ArtifactLocation().withUri(file.replace('\\', '/')));
                if (f.line().isPresent()) where.setRegion(new Region().withStartLine(f.line().getAsInt()));
                result.setLocations(List.of(new Location().withPhysicalLocation(where)));
            });
            results.add(result);
        }
        Run run = new Run().withTool(new Tool().withDriver(new ToolComponent().withName("diffgen").withVersion(version)
                        .withSemanticVersion(null).withRules(new java.util.LinkedHashSet<>(rules))))
                .withResults(results);
        SarifSchema210 sarif = new SarifSchema210().with$schema(URI.create("https://json.schemastore.org/sarif-2.1.0.json"))
                .withVersion(SarifSchema210.Version._2_1_0).withRuns(List.of(run));
        try {
            return JSON.writeValueAsString(sarif);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ruleId(Finding.Kind kind) {
        return "diffgen/" + JsonReport.name(kind);
    }

    private static String description(Finding.Kind kind) {
        return switch (kind) {
            case DIFFERENCE -> "the entities and the database differ";
            case WARNING -> "a change that loses data, locks for long or may not roll back";
            case DATA_CHECK -> "rows already in the database that a new constraint would reject";
            case PENDING -> "a revision the database has not applied";
            case ERROR -> "what stopped the command";
        };
    }
}
