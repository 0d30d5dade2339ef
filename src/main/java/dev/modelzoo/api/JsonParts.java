package dev.modelzoo.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.modelzoo.error.MalformedRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/** Parses and validates JSON that arrives inside multipart parts (bodies get the same from the framework). */
@ApplicationScoped
public class JsonParts {

    private final ObjectMapper mapper;
    private final Validator validator;

    public JsonParts(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** Parses {@code json} of part {@code part} into a validated {@code type}; 400 otherwise. */
    public <T> T parse(String part, String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new MalformedRequestException("The multipart part '" + part + "' is empty");
        }
        T value;
        try {
            ObjectReader reader = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
            value = reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new MalformedPartException(part, e);
        }
        if (value == null) {
            // the literal JSON null parses to no object at all; the validator would reject it with a 500
            throw new MalformedRequestException("The multipart part '" + part + "' must be a JSON object, not null");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    /** A JSON part that does not parse; carries Jackson's error so the mapper can say where. */
    public static final class MalformedPartException extends MalformedRequestException {

        public MalformedPartException(String part, JsonProcessingException cause) {
            super("The multipart part '" + part + "' is not valid JSON: "
                    + dev.modelzoo.api.error.JsonProblems.describe(cause));
        }
    }
}
