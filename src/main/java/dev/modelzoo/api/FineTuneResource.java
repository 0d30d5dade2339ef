package dev.modelzoo.api;

import dev.modelzoo.api.dto.FineTuneRequest;
import dev.modelzoo.api.dto.FineTuneView;
import dev.modelzoo.api.dto.PageView;
import dev.modelzoo.auth.Authenticator;
import dev.modelzoo.catalog.ModelReference;
import dev.modelzoo.compatibility.DatasetReference;
import dev.modelzoo.error.InvalidRequestException;
import dev.modelzoo.finetune.FineTuneJob;
import dev.modelzoo.finetune.FineTuneService;
import dev.modelzoo.finetune.JobSpec;
import dev.modelzoo.finetune.JobStatus;
import dev.modelzoo.finetune.result.EventPayload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Create, watch and cancel fine-tune jobs. */
@Path("/api/v1/fine-tunes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "fine-tunes", description = "Transfer-learning jobs that publish derived models")
public class FineTuneResource {

    private final FineTuneService service;
    private final Authenticator authenticator;
    private final JobEventStream stream;

    public FineTuneResource(FineTuneService service, Authenticator authenticator, JobEventStream stream) {
        this.service = service;
        this.authenticator = authenticator;
        this.stream = stream;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a fine-tune job", description = "Checks access (write access to the target's"
            + " namespace), then compatibility of the base with the dataset and the test dataset (422 with"
            + " violations), then queues the job. Defaults: strategy HEAD_ONLY, epochs \"auto\" (enough epochs for"
            + " 300 optimiser updates per stage, 3-500, with early stopping on validation loss and the best epoch"
            + " restored), batchSize 32, learningRate 0.001 (Adam), seed 42, validationFraction 0.2.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "auto", value = "{\"base\": \"zoo/letters-lenet@1\", \"dataset\":"
                    + " \"alice/digits@1\", \"testDataset\": \"alice/digits-test@1\", \"target\":"
                    + " \"alice/digits-lenet\", \"strategy\": \"AUTO\", \"baseline\": true}"),
            @ExampleObject(name = "head-only", value = "{\"base\": \"zoo/letters-lenet@1\", \"dataset\":"
                    + " \"alice/digits@1\", \"target\": \"alice/digits-lenet\", \"strategy\": \"HEAD_ONLY\","
                    + " \"hyperparameters\": {\"epochs\": 60, \"batchSize\": 32, \"learningRate\": 0.001,"
                    + " \"seed\": 42, \"validationFraction\": 0.2, \"earlyStopping\": true, \"patience\": 10}}")}))
    @APIResponse(responseCode = "202", description = "Queued; Location names the job")
    @APIResponse(responseCode = "400", description = "Malformed request or invalid hyperparameters")
    @APIResponse(responseCode = "403", description = "The target namespace is not the caller's")
    @APIResponse(responseCode = "404", description = "Unknown base or dataset")
    @APIResponse(responseCode = "422", description = "Incompatible base and dataset, with violations")
    public Response create(@NotNull @Valid FineTuneRequest request) {
        ModelReference target = ModelReference.parse("target", request.target());
        if (target.version() != null) {
            throw new InvalidRequestException("target", "namespace/name", request.target(),
                    "The target names a model; the job publishes its next version");
        }
        FineTuneJob job = service.create(authenticator.require(), new JobSpec(
                ModelReference.parse("base", request.base()), DatasetReference.parse("dataset", request.dataset()),
                request.testDataset() == null ? null : DatasetReference.parse("testDataset", request.testDataset()),
                target.namespace(), target.name(), request.strategy(), request.freezeUpTo(), request.baseline(),
                request.adapt(), request.hyperparameters(), request.freezeUpToLayer()));
        return Response.accepted(JobViews.view(job)).location(URI.create("/api/v1/fine-tunes/" + job.id)).build();
    }

    @GET
    @Operation(summary = "List jobs, newest first")
    public PageView<FineTuneView> list(@QueryParam("status") String status, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        int pageNumber = QueryParams.intValue("page", page, 0, 0, 100_000);
        int pageSize = QueryParams.intValue("size", size, 20, 1, 100);
        JobStatus wanted = QueryParams.enumValue("status", status, JobStatus.class);
        return new PageView<>(service.list(wanted, pageNumber, pageSize).stream().map(JobViews::view).toList(),
                pageNumber, pageSize, service.count(wanted));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A job's status, progress, metrics and result")
    @APIResponse(responseCode = "404", description = "No such job")
    public FineTuneView get(@PathParam("id") String id) {
        return JobViews.view(service.job(JobViews.id(id)));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a job", description = "A queued job is cancelled at once; a running one stops at"
            + " the next minibatch and publishes nothing.")
    @APIResponse(responseCode = "200", description = "The job after the request")
    @APIResponse(responseCode = "409", description = "The job has finished already")
    public FineTuneView cancel(@PathParam("id") String id) {
        return JobViews.view(service.cancel(authenticator.require(), JobViews.id(id)));
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events of a job", description = "Past events first, then live ones: 'state'"
            + " (status, attempt, message), 'epoch' (phase, stage, epoch, epochs, trainLoss, validationLoss,"
            + " validationAccuracy, seconds; epoch 0 is a stage's start) and 'log' (phase, message: data prepared,"
            + " how each stage ended, AUTO's decision). Each event's data is an EventPayload plus its time. The"
            + " stream ends after the job's final state. Last-Event-ID resumes after an event.")
    @APIResponse(responseCode = "200", description = "The event stream", content = @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = EventPayload.class)))
    public void events(@PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        UUID jobId = JobViews.id(id);
        service.job(jobId);
        long after = 0;
        if (lastEventId != null && lastEventId.chars().allMatch(Character::isDigit) && !lastEventId.isEmpty()) {
            after = Long.parseLong(lastEventId);
        }
        stream.start(jobId, after, sink, sse);
    }
}
