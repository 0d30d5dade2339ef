package dev.modelzoo.catalog;

import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.OutputSpec;
import dev.modelzoo.spec.SourceFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The {@code metadata} part of a publish: what the publisher declares. The architecture is never declared; it is
 * read from the artifact. {@code version}, when given, is the version the publisher expects to create (a
 * conditional publish: 409 when it exists). {@code parent} may only be declared by administrators. {@code format}
 * (optional) names the upload's format; it is detected from the content either way.
 */
public record VersionMetadata(
        @Size(max = 2000) String description,
        @Size(max = 64) String license,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}",
                message = "tags are lowercase letters, digits and '-', at most 32 characters") String> tags,
        @Size(max = 100_000) String card,
        @NotNull @Valid InputSpec inputSpec,
        @NotNull @Valid OutputSpec outputSpec,
        @Valid DatasetDigest trainingDataset,
        @Size(max = 100) List<@NotNull @Valid Metric> metrics,
        @Valid ParentDeclaration parent,
        Map<String, Object> recipe,
        @Min(1) Integer version,
        SourceFormat format) {

    public VersionMetadata {
        tags = tags == null ? List.of() : List.copyOf(tags);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /** The same metadata with another input spec (e.g. with the layout read from the network). */
    public VersionMetadata withInputSpec(InputSpec spec) {
        return new VersionMetadata(description, license, tags, card, spec, outputSpec, trainingDataset, metrics, parent,
                recipe, version, format);
    }

    /** A parent version and how this version was derived from it. */
    public record ParentDeclaration(@NotNull String reference, @NotNull LineageRelation relation) {
    }
}
