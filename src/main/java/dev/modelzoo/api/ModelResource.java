package dev.modelzoo.api;

import dev.modelzoo.api.dto.LineageView;
import dev.modelzoo.api.dto.ModelSummaryView;
import dev.modelzoo.api.dto.ModelView;
import dev.modelzoo.api.dto.PageView;
import dev.modelzoo.api.dto.VersionSummaryView;
import dev.modelzoo.api.dto.VersionView;
import dev.modelzoo.auth.Authenticator;
import dev.modelzoo.catalog.CatalogService;
import dev.modelzoo.catalog.InputFit;
import dev.modelzoo.catalog.ModelReference;
import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.error.InvalidRequestException;
import dev.modelzoo.recommendation.RecommendationService;
import dev.modelzoo.catalog.PageCursor;
import dev.modelzoo.catalog.PublishService;
import dev.modelzoo.catalog.RegisteredModel;
import dev.modelzoo.catalog.SearchCriteria;
import dev.modelzoo.catalog.SearchResult;
import dev.modelzoo.catalog.VersionMetadata;
import dev.modelzoo.compatibility.CompatibilityService;
import dev.modelzoo.compatibility.DatasetReference;
import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.Names;
import dev.modelzoo.spec.Task;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** Browse, search and publish models. */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models", description = "The model catalog")
public class ModelResource {

    private final CatalogService catalog;
    private final PublishService publisher;
    private final Authenticator authenticator;
    private final JsonParts json;
    private final CompatibilityService compatibility;
    private final RecommendationService recommendations;

    private final CatalogPageCache cache;
    public ModelResource(CatalogService catalog, PublishService publisher, Authenticator authenticator,
            JsonParts json, CompatibilityService compatibility, RecommendationService recommendations,
            CatalogPageCache cache) {
        this.cache = cache;
        this.compatibility = compatibility;
        this.recommendations = recommendations;
        this.catalog = catalog;
        this.publisher = publisher;
        this.authenticator = authenticator;
        this.json = json;
    }

    @GET
    @Operation(summary = "Search the catalog", description = "Full-text q (prefix match per word) over name,"
            + " description and tags; filters combine with AND. Pages are zero-based; for the orders downloads,"
            + " recent and name each page also carries 'next', a cursor: after=<next> returns the following page by"
            + " seeking in that order's index (keyset paging: as fast at any depth, and no row is repeated or"
            + " skipped when models are published meanwhile). 'total' is exact: the matches of the query.")
    @APIResponse(responseCode = "200", description = "One page of models with their latest version")
    public PageView<ModelSummaryView> search(
            @Parameter(example = "lenet") @QueryParam("q") String q,
            @Parameter(example = "IMAGE") @QueryParam("modality") String modality,
            @Parameter(example = "CLASSIFICATION") @QueryParam("task") String task,
            @Parameter(example = "vision") @QueryParam("tag") String tag,
            @Parameter(example = "zoo") @QueryParam("namespace") String namespace,
            @Parameter(description = "models derived from this model (or exact version)",
                    example = "zoo/fashion-lenet") @QueryParam("parent") String parent,
            @Parameter(description = "relevance, downloads, recent, name, or transferability (with compatibleWith:"
                    + " the ranking of POST /recommendations)") @QueryParam("sort") String sort,
            @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size,
            @Parameter(description = "the 'next' cursor of the previous page (sorts downloads, recent, name)")
            @QueryParam("after") String after,
            @Parameter(description = "only bases that a HEAD_ONLY fine-tune on this dataset accepts (no adapter)",
                    example = "alice/digits@1") @QueryParam("compatibleWith") String compatibleWith,
            @Context UriInfo uri) {
        return cache.get("search?" + uri.getRequestUri().getRawQuery(), () -> search(q, modality, task, tag,
                namespace, parent, sort, page, size, after, compatibleWith));
    }

    private PageView<ModelSummaryView> search(String q, String modality, String task, String tag, String namespace,
            String parent, String sort, String page, String size, String after, String compatibleWith) {
        SearchCriteria.Sort order = QueryParams.enumValue("sort", sort, SearchCriteria.Sort.class);
        boolean fitting = compatibleWith != null && !compatibleWith.isBlank();
        if (order == SearchCriteria.Sort.TRANSFERABILITY && !fitting) {
            throw new InvalidRequestException("sort", "compatibleWith=ns/dataset with sort=transferability", sort,
                    "Transferability is measured on a dataset: add compatibleWith=namespace/name[@version]");
        }
        int pageNumber = QueryParams.intValue("page", page, 0, 0, 100_000);
        int pageSize = QueryParams.intValue("size", size, 20, 1, 100);
        String query = QueryParams.blankToNull(q);
        PageCursor cursor = null;
        if (after != null && !after.isBlank()) {
            if (pageNumber != 0) {
                throw new InvalidRequestException("page", "0 (or no page) with after", page,
                        "after= continues from a cursor; drop page");
            }
            cursor = PageCursor.decode(after.trim(), SearchCriteria.effectiveSort(order, query));
        }
        DatasetReference dataset = fitting ? DatasetReference.parse("compatibleWith", compatibleWith) : null;
        Optional<InputFit> fit = dataset == null ? Optional.empty() : compatibility.fitFor(dataset);
        if (dataset != null && fit.isEmpty()) {
            return new PageView<>(List.of(), pageNumber, pageSize, 0, null);
        }
        SearchCriteria criteria = new SearchCriteria(query,
                QueryParams.enumValue("modality", modality, Modality.class),
                QueryParams.enumValue("task", task, Task.class),
                QueryParams.blankToNull(tag),
                namespace == null || namespace.isBlank() ? null : Names.require("namespace", namespace.trim()),
                parent == null || parent.isBlank() ? null : ModelReference.parse("parent", parent),
                order, pageNumber, pageSize, fit.orElse(null),
                order == SearchCriteria.Sort.TRANSFERABILITY ? recommendations.rankedModelIds(dataset.namespace(),
                        dataset.name(), dataset.version()) : null,
                cursor);
        SearchResult result = catalog.search(criteria);
        return new PageView<>(result.hits().stream().map(ViewMapper::summary).toList(), criteria.page(),
                criteria.size(), result.total(), result.next() == null ? null : result.next().encode());
    }

    @GET
    @Path("/{namespace}/{name}")
    @Operation(summary = "A model with its versions and latest card")
    @APIResponse(responseCode = "200", description = "The model")
    @APIResponse(responseCode = "404", description = "No such model")
    public ModelView model(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return cache.get("model " + namespace + "/" + name, () -> {
            RegisteredModel model = catalog.model(namespace, name);
            return ViewMapper.model(model, catalog.versions(model));
        });
    }

    @GET
    @Path("/{namespace}/{name}/versions")
    @Operation(summary = "The versions of a model, newest first")
    public List<VersionSummaryView> versions(@PathParam("namespace") String namespace,
            @PathParam("name") String name) {
        return catalog.versions(catalog.model(namespace, name)).stream().map(ViewMapper::versionSummary).toList();
    }

    @POST
    @Path("/{namespace}/{name}/versions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Publish a new version", description = "Multipart with a JSON 'metadata' part and the"
            + " 'artifact': a DL4J ModelSerializer zip, a Keras 2 HDF5 file (.h5, Sequential or functional) or a TF.js"
            + " layers model (a zip of model.json and its weight shards, float32 or quantized), detected from the"
            + " content ('format' in the metadata makes it explicit). Keras and TF.js models are converted to a DL4J"
            + " network, which is what is validated and served; the upload is kept and downloadable at .../source."
            + " The network's real input shape and output size are checked against the declared specs; the"
            + " architecture is read from it. Versions are numbered 1, 2, 3... and immutable; 'version' in the"
            + " metadata makes the publish conditional.")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, examples = @ExampleObject(
            name = "metadata part", description = "the JSON of the 'metadata' part; 'artifact' is the model zip",
            value = "{\"description\": \"LeNet pre-trained on Fashion-MNIST\", \"license\": \"Apache-2.0\","
                    + " \"tags\": [\"vision\"], \"card\": \"# My LeNet\", \"inputSpec\": {\"modality\": \"IMAGE\","
                    + " \"shape\": [1, 28, 28], \"dtype\": \"FLOAT32\", \"preprocessing\": {\"range\": [0, 1]}},"
                    + " \"outputSpec\": {\"task\": \"CLASSIFICATION\", \"labels\": [\"0\", \"1\", \"2\", \"3\","
                    + " \"4\"]}, \"trainingDataset\": {\"name\": \"fashion-mnist\"}, \"metrics\": [{\"name\":"
                    + " \"accuracy\", \"value\": 0.896, \"split\": \"test\"}]}")))
    @APIResponse(responseCode = "201", description = "Published; Location names the version")
    @APIResponse(responseCode = "400", description = "Malformed or invalid metadata")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Foreign namespace")
    @APIResponse(responseCode = "409", description = "The version exists")
    @APIResponse(responseCode = "413", description = "Over modelzoo.upload.max-size")
    @APIResponse(responseCode = "422", description = "Not a DL4J model, or the specs contradict the network")
    @APIResponse(responseCode = "503", description = "Object storage or database unavailable")
    public Response publish(@PathParam("namespace") String namespace, @PathParam("name") String name,
            MultipartFormDataInput input) {
        var caller = authenticator.require();
        try (MultipartParts parts = new MultipartParts(input)) {
            VersionMetadata metadata = json.parse("metadata", parts.text("metadata"), VersionMetadata.class);
            ModelVersion version = publisher.publish(caller, namespace, name, metadata, parts.file("artifact"));
            return Response.created(URI.create(ViewMapper.versionPath(version)))
                    .entity(ViewMapper.version(version)).build();
        }
    }

    @GET
    @Path("/{namespace}/{name}/versions/{version}")
    @Operation(summary = "One version's full metadata", description = "'latest' names the newest version")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such model or version")
    public VersionView version(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @PathParam("version") String version) {
        return ViewMapper.version(catalog.version(VersionParam.reference(namespace, name, version)));
    }

    @GET
    @Path("/{namespace}/{name}/versions/{version}/lineage")
    @Operation(summary = "Ancestors and descendants of a version")
    @APIResponse(responseCode = "200", description = "The lineage graph as node lists with parent edges")
    public LineageView lineage(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @PathParam("version") String version) {
        ModelVersion found = catalog.version(VersionParam.reference(namespace, name, version));
        List<ModelVersion> ancestors = catalog.ancestors(found);
        return new LineageView(ViewMapper.lineageNode(found, 0),
                java.util.stream.IntStream.range(0, ancestors.size())
                        .mapToObj(i -> ViewMapper.lineageNode(ancestors.get(i), -(i + 1))).toList(),
                catalog.descendants(found).stream()
                        .map(d -> ViewMapper.lineageNode(d.version(), d.depth())).toList());
    }
}
