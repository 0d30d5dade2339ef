package dev.modelzoo.api;

import dev.modelzoo.catalog.DownloadService;
import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.storage.BlobRef;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Answers a download of one of a version's blobs (its DL4J artifact or the upload it was imported from): ETag is
 * the blob's sha256, one byte range, If-None-Match, a presigned redirect, or the bytes streamed from storage.
 */
@ApplicationScoped
class VersionDownloads {

    private final DownloadService downloads;
    private final ArtifactStreams streams;

    VersionDownloads(DownloadService downloads, ArtifactStreams streams) {
        this.downloads = downloads;
        this.streams = streams;
    }

    /** What to send: which blob, under which file name and media type. */
    record Target(BlobRef blob, String fileName, String mediaType) {
    }

    Uni<Response> get(ModelVersion version, Target target, boolean redirect, String ifNoneMatch, String range,
            HttpServerResponse response) {
        String etag = '"' + target.blob().sha256() + '"';
        if (ifNoneMatch != null && ETags.matches(ifNoneMatch, target.blob().sha256())) {
            return Uni.createFrom().item(Response.notModified().header(HttpHeaders.ETAG, etag).build());
        }
        if (redirect) {
            return Uni.createFrom().item(Response.status(Response.Status.FOUND)
                    .location(downloads.presign(version, target.blob(), target.fileName()))
                    .header(HttpHeaders.ETAG, etag).build());
        }
        long size = target.blob().sizeBytes();
        ByteRange byteRange = ByteRange.parse(range, size);
        return streams.open(version, target.blob(), byteRange, response).map(body -> {
            Response.ResponseBuilder answer = byteRange == null
                    ? Response.ok(body).header(HttpHeaders.CONTENT_LENGTH, size)
                    : Response.status(Response.Status.PARTIAL_CONTENT).entity(body)
                            .header("Content-Range", byteRange.contentRange(size))
                            .header(HttpHeaders.CONTENT_LENGTH, byteRange.length());
            return answer.type(target.mediaType())
                    .header(HttpHeaders.ETAG, etag)
                    .header("Accept-Ranges", "bytes")
                    .header("Content-Disposition", "attachment; filename=\"" + target.fileName() + "\"")
                    .build();
        });
    }

    Response head(Target target) {
        return Response.ok().type(target.mediaType())
                .header(HttpHeaders.ETAG, '"' + target.blob().sha256() + '"')
                .header(HttpHeaders.CONTENT_LENGTH, target.blob().sizeBytes())
                .header("Accept-Ranges", "bytes")
                .build();
    }

    /** The file name of a version's download: namespace-name-version plus the extension. */
    static String fileName(ModelVersion version, String extension) {
        return version.model.namespace + "-" + version.model.name + "-" + version.version + extension;
    }
}
