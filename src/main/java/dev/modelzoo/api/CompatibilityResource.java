package dev.modelzoo.api;

import dev.modelzoo.api.dto.CompatibilityRequest;
import dev.modelzoo.catalog.ModelReference;
import dev.modelzoo.compatibility.CompatibilityReport;
import dev.modelzoo.compatibility.CompatibilityService;
import dev.modelzoo.compatibility.DatasetReference;
import dev.modelzoo.error.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Explains whether a base model can be fine-tuned on some data, and how to fix it when not. */
@Path("/api/v1/compatibility")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "compatibility", description = "Base model vs. data checks")
public class CompatibilityResource {

    private final CompatibilityService compatibility;

    public CompatibilityResource(CompatibilityService compatibility) {
        this.compatibility = compatibility;
    }

    @POST
    @Operation(summary = "Check a base model against a dataset or an input spec", description = "Always 200 for a"
            + " well-formed request: 'compatible' says whether any ERROR was found; every violation names its rule,"
            + " severity, expected and actual values and a suggestion. For an incompatible dataset the catalog's"
            + " fitting bases are listed.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "dataset", value = "{\"base\": \"zoo/fashion-lenet@1\", \"dataset\":"
                    + " \"alice/digits@1\", \"strategy\": \"HEAD_ONLY\"}"),
            @ExampleObject(name = "inputSpec", value = "{\"base\": \"zoo/fashion-lenet\", \"inputSpec\":"
                    + " {\"modality\": \"IMAGE\", \"shape\": [3, 32, 32]}}")}))
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "Malformed request (e.g. both or neither of dataset and"
            + " inputSpec)")
    @APIResponse(responseCode = "404", description = "The base or the dataset does not exist")
    public CompatibilityReport check(@NotNull @Valid CompatibilityRequest request) {
        ModelReference base = ModelReference.parse("base", request.base());
        if ((request.dataset() == null) == (request.inputSpec() == null)) {
            throw new InvalidRequestException("dataset", "exactly one of dataset and inputSpec",
                    request.dataset() == null ? "neither" : "both", "Give either a dataset reference or an inputSpec");
        }
        if (request.dataset() != null) {
            return compatibility.check(base, DatasetReference.parse("dataset", request.dataset()),
                    request.testDataset() == null ? null : DatasetReference.parse("testDataset",
                            request.testDataset()), request.strategy(), request.freezeUpTo(),
                    request.freezeUpToLayer(), request.adapt());
        }
        if (request.testDataset() != null) {
            throw new InvalidRequestException("testDataset", "a dataset to go with it", request.testDataset(),
                    "A testDataset is checked together with a dataset, not with an inputSpec");
        }
        return compatibility.check(base, request.inputSpec(), request.strategy(), request.freezeUpTo(),
                request.freezeUpToLayer(), request.adapt());
    }
}
