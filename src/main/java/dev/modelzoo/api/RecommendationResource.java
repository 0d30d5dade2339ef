package dev.modelzoo.api;

import dev.modelzoo.api.dto.RecommendationRequest;
import dev.modelzoo.compatibility.DatasetReference;
import dev.modelzoo.recommendation.Recommendation;
import dev.modelzoo.recommendation.RecommendationService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which base for my data: the compatible bases ranked by transferability measured on the dataset. */
@Path("/api/v1/recommendations")
@Tag(name = "recommendations", description = "Bases ranked by measured transferability")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    private static final int DEFAULT_LIMIT = 10;

    private final RecommendationService recommendations;

    public RecommendationResource(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @POST
    @Operation(summary = "Rank the bases for a dataset", description = "Synchronous and bounded: every latest"
            + " version is checked (HEAD_ONLY); each compatible one featurizes the dataset at its feature layer"
            + " (cached and shared with fine-tunes) and a 5-fold cross-validated ridge probe on those features"
            + " estimates the accuracy. Datasets above modelzoo.recommendation.max-examples are subsampled"
            + " (stratified, seeded; 'subsampled' says so); bases not reached within the time budget are listed in"
            + " 'notScored'; incompatible ones in 'rejected' with the checker's reason.")
    @APIResponse(responseCode = "200", description = "The ranking, best first")
    @APIResponse(responseCode = "404", description = "No such dataset")
    public Recommendation rank(@NotNull @Valid RecommendationRequest request) {
        DatasetReference dataset = DatasetReference.parse("dataset", request.dataset());
        Duration budget = request.budgetSeconds() == null ? null
                : Duration.ofMillis(Math.round(request.budgetSeconds() * 1000));
        return recommendations.rank(dataset.namespace(), dataset.name(), dataset.version(),
                request.limit() == null ? DEFAULT_LIMIT : request.limit(), new RecommendationService.Filter(
                        QueryParams.blankToNull(request.namespace()), QueryParams.blankToNull(request.tag())),
                budget);
    }
}
