package dev.modelzoo.api;

import dev.modelzoo.api.dto.LineageNodeView;
import dev.modelzoo.api.dto.ModelSummaryView;
import dev.modelzoo.api.dto.ModelView;
import dev.modelzoo.api.dto.ParentView;
import dev.modelzoo.api.dto.SourceView;
import dev.modelzoo.api.dto.VersionSummaryView;
import dev.modelzoo.api.dto.VersionView;
import dev.modelzoo.catalog.ModelHit;
import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.catalog.RegisteredModel;
import java.util.List;

/** Entities to views; called while the request's session is open. */
final class ViewMapper {

    private ViewMapper() {
    }

    static String versionPath(ModelVersion version) {
        return "/api/v1/models/" + version.model.namespace + "/" + version.model.name + "/versions/" + version.version;
    }

    static VersionView version(ModelVersion v) {
        RegisteredModel model = v.model;
        return new VersionView(v.reference(), model.namespace, model.name, v.version, v.sha256, v.sizeBytes,
                v.description, v.inputSpec, v.outputSpec, v.architecture, parent(v), v.recipe, v.metrics,
                v.trainingDataset, v.license, v.tags, v.card, v.createdBy, v.createdAt, v.downloads,
                versionPath(v) + "/artifact", source(v));
    }

    static SourceView source(ModelVersion v) {
        return new SourceView(v.sourceFormat, v.converter, v.sourceKerasVersion, v.sourceSha256, v.sourceSizeBytes,
                v.sourceSha256 == null ? null : versionPath(v) + "/source");
    }

    static ParentView parent(ModelVersion v) {
        return v.parent == null ? null : new ParentView(v.parent.reference(), v.parentSha256, v.parentRelation);
    }

    static VersionSummaryView versionSummary(ModelVersion v) {
        return new VersionSummaryView(v.version, v.reference(), v.sha256, v.sizeBytes, v.createdBy, v.createdAt,
                v.downloads, parent(v));
    }

    static ModelView model(RegisteredModel model, List<ModelVersion> versions) {
        ModelVersion latest = versions.get(0);
        return new ModelView(model.reference(), model.namespace, model.name, model.description, model.modality,
                model.task, model.tags, model.latestVersion, model.downloads, model.createdAt, model.updatedAt,
                latest.card, versions.stream().map(ViewMapper::versionSummary).toList(), version(latest));
    }

    static ModelSummaryView summary(ModelHit hit) {
        return new ModelSummaryView(hit.reference(), hit.namespace(), hit.name(), hit.description(), hit.modality(),
                hit.shape(), hit.task(), hit.tags(), hit.latestVersion(), hit.downloads(), hit.updatedAt(),
                hit.parentReference() == null ? null
                        : new ParentView(hit.parentReference(), hit.parentSha256(), hit.parentRelation()));
    }

    static LineageNodeView lineageNode(ModelVersion v, int depth) {
        return new LineageNodeView(v.reference(), v.sha256, v.parent == null ? null : v.parent.reference(),
                v.parentRelation, depth, v.metrics);
    }
}
