package dev.modelzoo.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Strict JSON for everything the API reads (bodies and multipart parts): no NUL (PostgreSQL text cannot hold it)
 * and no unpaired surrogate in strings, no numbers or booleans where text is expected, nothing after the document.
 * The client gets a 400 naming the field instead of a database error or a silently changed value.
 */
@Singleton
public class JsonStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("modelzoo-strings").addDeserializer(String.class, new NoNul()));
        // {"name": "x"}{"more": 1} is not one JSON document; a number or boolean is not a string
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
    }

    static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Jackson's own string reading, then the checks. */
    static final class NoNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw JsonMappingException.from(parser, "the NUL character (\\u0000) is not allowed in text");
            }
            if (value != null && hasLoneSurrogate(value)) {
                // "\ud800" alone is not a character: it would be stored as '?' and the text silently changed
                throw JsonMappingException.from(parser, "the text contains an unpaired UTF-16 surrogate escape");
            }
            return value;
        }
    }
}
