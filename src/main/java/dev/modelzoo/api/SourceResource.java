package dev.modelzoo.api;

import dev.modelzoo.catalog.CatalogService;
import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.error.NotFoundException;
import dev.modelzoo.storage.BlobRef;
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

/** Downloads of an imported version's original upload (the Keras HDF5 file or the TF.js zip), as published. */
@Path("/api/v1/models/{namespace}/{name}/versions/{version}/source")
@Tag(name = "models")
public class SourceResource {

    private final CatalogService catalog;
    private final VersionDownloads downloads;

    public SourceResource(CatalogService catalog, VersionDownloads downloads) {
        this.catalog = catalog;
        this.downloads = downloads;
    }

    @GET
    @Produces({"application/x-hdf5", "application/zip"})
    @Operation(summary = "Download the upload an imported version was converted from", description = "The Keras"
            + " HDF5 file or TF.js layers zip exactly as published (ETag its sha256; Range, If-None-Match and"
            + " ?redirect=true as for the artifact). 404 for versions published as DL4J zips.")
    @APIResponse(responseCode = "200", description = "The original upload")
    @APIResponse(responseCode = "404", description = "No such version, or it was not imported")
    @Blocking
    public Uni<Response> download(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @PathParam("version") String version, @QueryParam("redirect") boolean redirect,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @HeaderParam("Range") String range,
            @Context HttpServerResponse response) {
        ModelVersion found = catalog.version(VersionParam.reference(namespace, name, version));
        return downloads.get(found, target(found), redirect, ifNoneMatch, range, response);
    }

    @HEAD
    @Operation(summary = "Size and digest of the original upload without the bytes")
    public Response head(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @PathParam("version") String version) {
        return downloads.head(target(catalog.version(VersionParam.reference(namespace, name, version))));
    }

    private static VersionDownloads.Target target(ModelVersion version) {
        // a version published as a DL4J zip has no source apart from its artifact
        BlobRef source = version.sourceBlob().orElseThrow(() -> new NotFoundException("Imported source of",
                version.reference()));
        return new VersionDownloads.Target(source, VersionDownloads.fileName(version,
                version.sourceFormat.extension()), version.sourceFormat.mediaType());
    }
}
