package dev.modelzoo.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Rejects the NUL character in every JSON string the API reads (bodies and multipart parts): PostgreSQL text cannot
 * hold it, so it would otherwise surface as a database error; the client gets a 400 naming the field instead.
 */
@Singleton
public class JsonStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("modelzoo-strings").addDeserializer(String.class, new NoNul()));
    }

    /** Jackson's own string reading, then the check. */
    static final class NoNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw JsonMappingException.from(parser, "the NUL character (\\u0000) is not allowed in text");
            }
            return value;
        }
    }
}
