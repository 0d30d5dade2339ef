package dev.modelzoo.api;

import dev.modelzoo.api.dto.DatasetView;
import dev.modelzoo.api.dto.PageView;
import dev.modelzoo.auth.Authenticator;
import dev.modelzoo.dataset.DatasetMetadata;
import dev.modelzoo.dataset.DatasetService;
import dev.modelzoo.dataset.DatasetVersion;
import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.Names;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** Upload, list and describe labelled datasets. */
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "datasets", description = "Labelled user datasets")
public class DatasetResource {

    private final DatasetService datasets;
    private final Authenticator authenticator;
    private final JsonParts json;

    public DatasetResource(DatasetService datasets, Authenticator authenticator, JsonParts json) {
        this.datasets = datasets;
        this.authenticator = authenticator;
        this.json = json;
    }

    @POST
    @Path("/{namespace}/{name}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a dataset version", description = "Multipart 'metadata' ({\"modality\","
            + " \"description\", \"shape\"?}) and 'file': a ZIP of class folders of PNG/JPEG images (IMAGE), a CSV"
            + " whose first column is 'label' (TABULAR, or IMAGE with 'shape'), or JSON Lines of {\"text\","
            + " \"label\"} (TEXT). The data are validated and described; versions are 1, 2, 3... and immutable.")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, examples = @ExampleObject(
            name = "metadata part", value = "{\"modality\": \"IMAGE\", \"description\": \"digits 5-9, 100 per class\"}")))
    @APIResponse(responseCode = "201", description = "Stored and described")
    @APIResponse(responseCode = "413", description = "Over modelzoo.upload.max-size")
    @APIResponse(responseCode = "422", description = "Unreadable or inconsistent data; the problem says where")
    public Response upload(@PathParam("namespace") String namespace, @PathParam("name") String name,
            MultipartFormDataInput input) {
        var caller = authenticator.require();
        try (MultipartParts parts = new MultipartParts(input)) {
            DatasetMetadata metadata = json.parse("metadata", parts.text("metadata"), DatasetMetadata.class);
            DatasetVersion version = datasets.upload(caller, namespace, name, metadata, parts.file("file"));
            return Response.created(URI.create("/api/v1/datasets/" + namespace + "/" + name + "/versions/"
                    + version.version)).entity(view(version)).build();
        }
    }

    @GET
    @Operation(summary = "List datasets (latest versions, newest first)")
    public PageView<DatasetView> list(@QueryParam("namespace") String namespace,
            @QueryParam("modality") String modality, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        String ns = namespace == null || namespace.isBlank() ? null : Names.require("namespace", namespace.trim());
        Modality parsed = QueryParams.enumValue("modality", modality, Modality.class);
        String modalityName = parsed == null ? null : parsed.name();
        int pageNumber = QueryParams.intValue("page", page, 0, 0, 100_000);
        int pageSize = QueryParams.intValue("size", size, 20, 1, 100);
        return new PageView<>(datasets.latest(ns, modalityName, pageNumber, pageSize).stream()
                .map(DatasetResource::view).toList(), pageNumber, pageSize, datasets.countLatest(ns, modalityName));
    }

    @GET
    @Path("/{namespace}/{name}")
    @Operation(summary = "Describe a dataset", description = "'name' alone is the latest version;"
            + " 'name@3' is version 3")
    @APIResponse(responseCode = "404", description = "No such dataset or version")
    public DatasetView describe(@PathParam("namespace") String namespace, @PathParam("name") String nameAndVersion) {
        int at = nameAndVersion.indexOf('@');
        if (at < 0) {
            return view(datasets.version(namespace, nameAndVersion, null));
        }
        return version(namespace, nameAndVersion.substring(0, at), nameAndVersion.substring(at + 1));
    }

    @GET
    @Path("/{namespace}/{name}/versions")
    @Operation(summary = "The versions of a dataset, newest first")
    public List<DatasetView> versions(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return datasets.versions(namespace, name).stream().map(DatasetResource::view).toList();
    }

    @GET
    @Path("/{namespace}/{name}/versions/{version}")
    @Operation(summary = "Describe one version of a dataset")
    public DatasetView version(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @PathParam("version") String version) {
        return view(datasets.version(namespace, name, VersionParam.number(version)));
    }

    @GET
    @Path("/{namespace}/{name}/versions/{version}/examples")
    @Operation(summary = "A few examples of each label", description = "Images as PNG data URIs, texts as text;"
            + " perLabel 1 to 20 (default 3).")
    public ExamplesView examples(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @PathParam("version") String version, @QueryParam("perLabel") String perLabel) {
        DatasetVersion found = datasets.version(namespace, name, VersionParam.number(version));
        return new ExamplesView(found.reference(), datasets.examples(found,
                QueryParams.intValue("perLabel", perLabel, 3, 1, 20)));
    }

    /** Examples of a dataset version. */
    public record ExamplesView(String reference, List<dev.modelzoo.dataset.DatasetExample> examples) {
    }

    static DatasetView view(DatasetVersion v) {
        return new DatasetView(v.reference(), v.dataset.namespace, v.dataset.name, v.version, v.description,
                v.modality, v.shape, v.labels, v.count, v.countsPerLabel, v.valueRange, v.audio, v.sha256,
                v.sizeBytes, v.format, v.createdBy, v.createdAt);
    }
}
