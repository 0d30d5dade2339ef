package dev.modelzoo.api;

import dev.modelzoo.api.dto.PredictRequest;
import dev.modelzoo.api.dto.PredictView;
import dev.modelzoo.catalog.CatalogService;
import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.catalog.PredictionService;
import dev.modelzoo.error.MalformedRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** Runs a model version on inputs. */
@Path("/api/v1/models/{namespace}/{name}/versions/{version}/predict")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models")
public class PredictResource {

    private final CatalogService catalog;
    private final PredictionService predictions;

    public PredictResource(CatalogService catalog, PredictionService predictions) {
        this.catalog = catalog;
        this.predictions = predictions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Predict from JSON inputs", description = "{\"inputs\": [[...row-major values...]]} in the"
            + " version's input shape, or strings for TEXT models; returns the label, its probability and the top"
            + " 5 per input.")
    public PredictView predict(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @PathParam("version") String version, PredictRequest request) {
        if (request == null) {
            throw new MalformedRequestException("Send {\"inputs\": [...]}");
        }
        ModelVersion found = catalog.version(VersionParam.reference(namespace, name, version));
        return new PredictView(found.reference(), predictions.predict(found, request.inputs()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Predict from an uploaded image or clip", description = "Multipart part 'image' (PNG or"
            + " JPEG; converted to the model's channels and resized to its input size) or, for AUDIO models with an"
            + " audio front end, part 'audio' (a WAV file; mixed to mono, resampled to the model's rate, padded or"
            + " trimmed to its clip length, then turned into its log-mel input).")
    public PredictView predictImage(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @PathParam("version") String version, MultipartFormDataInput input) {
        ModelVersion found = catalog.version(VersionParam.reference(namespace, name, version));
        try (MultipartParts parts = new MultipartParts(input)) {
            if (parts.has("audio")) {
                return new PredictView(found.reference(), predictions.predictAudio(found, parts.file("audio")));
            }
            return new PredictView(found.reference(), predictions.predictImage(found, parts.file("image")));
        }
    }
}
