package dev.modelzoo.api;

import dev.modelzoo.api.dto.IssuedTokenView;
import dev.modelzoo.api.dto.TokenRequest;
import dev.modelzoo.api.dto.TokenView;
import dev.modelzoo.api.dto.UserRequest;
import dev.modelzoo.api.dto.UserView;
import dev.modelzoo.auth.Authenticator;
import dev.modelzoo.auth.Caller;
import dev.modelzoo.auth.IssuedToken;
import dev.modelzoo.auth.TokenService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** Users and tokens. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "Users and their tokens")
public class UserResource {

    private final TokenService tokens;
    private final Authenticator authenticator;

    public UserResource(TokenService tokens, Authenticator authenticator) {
        this.tokens = tokens;
        this.authenticator = authenticator;
    }

    @POST
    @Path("/users")
    @Operation(summary = "Create a user (administrators only)", description = "The user's name is its namespace."
            + " The answer carries the user's first token, shown this once.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "user", value = "{\"name\": \"alice\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the token")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "409", description = "The name is taken or reserved")
    public Response createUser(@NotNull @Valid UserRequest request) {
        IssuedToken issued = tokens.createUser(authenticator.require(), request.name(), request.admin());
        return Response.created(URI.create("/api/v1/users/" + issued.user()))
                .entity(new IssuedTokenView(issued.id(), issued.user(), issued.token())).build();
    }

    @GET
    @Path("/users/me")
    @Operation(summary = "Who the token belongs to")
    public UserView me() {
        Caller caller = authenticator.require();
        return new UserView(caller.userId(), caller.name(), caller.admin());
    }

    @POST
    @Path("/tokens")
    @Operation(summary = "Issue another token for the caller", description = "Shown this once.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "token", value = "{\"description\": \"ci\"}")))
    @APIResponse(responseCode = "201", description = "The new token")
    public Response issueToken(@Valid TokenRequest request) {
        IssuedToken issued = tokens.issueFor(authenticator.require(), request == null ? null : request.description());
        return Response.created(URI.create("/api/v1/tokens/" + issued.id()))
                .entity(new IssuedTokenView(issued.id(), issued.user(), issued.token())).build();
    }

    @GET
    @Path("/tokens")
    @Operation(summary = "The caller's tokens, without their secrets")
    public List<TokenView> listTokens() {
        return tokens.tokensOf(authenticator.require()).stream()
                .map(t -> new TokenView(t.id, t.description, t.createdAt, t.lastUsedAt, t.revokedAt)).toList();
    }

    @DELETE
    @Path("/tokens/{id}")
    @Operation(summary = "Revoke a token")
    @APIResponse(responseCode = "204", description = "Revoked (revoking twice is fine)")
    @APIResponse(responseCode = "404", description = "Not one of the caller's tokens")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(authenticator.require(), id);
        return Response.noContent().build();
    }
}
