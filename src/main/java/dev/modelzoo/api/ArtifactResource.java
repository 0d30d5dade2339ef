package dev.modelzoo.api;

import dev.modelzoo.catalog.CatalogService;
import dev.modelzoo.catalog.ModelVersion;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Downloads of artifact bytes: streamed, with ETag, single ranges, conditional GET and presigned redirects. */
@Path("/api/v1/models/{namespace}/{name}/versions/{version}/artifact")
@Tag(name = "models")
public class ArtifactResource {

    private static final String ZIP = "application/zip";

    private final CatalogService catalog;
    private final VersionDownloads downloads;

    public ArtifactResource(CatalogService catalog, VersionDownloads downloads) {
        this.catalog = catalog;
        this.downloads = downloads;
    }

    @GET
    // problems (404, 416, 503) get their own type from ProblemMapper
    @Produces(ZIP)
    @Operation(summary = "Download the artifact", description = "The DL4J ModelSerializer zip (for an imported"
            + " version the converted network; the upload itself is at .../source). ETag is the sha256. Supports one"
            + " 'Range: bytes=a-b' (206), 'If-None-Match' (304) and '?redirect=true' (302 to a presigned storage"
            + " URL). A download counts once the whole artifact has been sent.")
    @APIResponse(responseCode = "200", description = "The whole artifact")
    @APIResponse(responseCode = "206", description = "The requested range")
    @APIResponse(responseCode = "302", description = "Redirect to a presigned URL")
    @APIResponse(responseCode = "304", description = "Not modified (ETag matched)")
    @APIResponse(responseCode = "416", description = "Range outside the artifact")
    @Blocking
    public Uni<Response> download(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @PathParam("version") String version, @QueryParam("redirect") boolean redirect,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @HeaderParam("Range") String range,
            @Context HttpServerResponse response) {
        ModelVersion found = catalog.version(VersionParam.reference(namespace, name, version));
        return downloads.get(found, target(found), redirect, ifNoneMatch, range, response);
    }

    @HEAD
    @Operation(summary = "Size and digest of the artifact without the bytes")
    public Response head(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @PathParam("version") String version) {
        return downloads.head(target(catalog.version(VersionParam.reference(namespace, name, version))));
    }

    private static VersionDownloads.Target target(ModelVersion version) {
        return new VersionDownloads.Target(version.blob(), VersionDownloads.fileName(version, ".zip"), ZIP);
    }
}
