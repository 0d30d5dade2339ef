package dev.modelzoo.api;

import dev.modelzoo.error.NotFoundException;
import dev.modelzoo.error.ProblemType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Describes the problem types that {@code type} in error responses points at. */
@Path("/problems")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "problems", description = "Error types")
public class ProblemTypeResource {

    /** One problem type. */
    public record ProblemTypeView(String type, int status, String title) {
    }

    @GET
    @Operation(summary = "Every problem type the API uses")
    public List<ProblemTypeView> all() {
        return Arrays.stream(ProblemType.values()).map(ProblemTypeResource::view).toList();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "One problem type")
    public ProblemTypeView one(@PathParam("slug") String slug) {
        return Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(slug)).findFirst()
                .map(ProblemTypeResource::view)
                .orElseThrow(() -> new NotFoundException("problem type", slug));
    }

    private static ProblemTypeView view(ProblemType type) {
        return new ProblemTypeView(type.uri(), type.status(), type.title());
    }
}
