package dev.modelzoo.client.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The metadata part of a dataset upload: the modality, a description, and a shape for CSV images. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetUpload(Modality modality, String description, List<Integer> shape) {
}
