package io.annualreport.model.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON encoding of pipeline events, shared by every producer and consumer. */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private EventCodec() {
    }

    /** The configured mapper, for adapters that need to read or write other JSON the same way. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Encodes an event (or any model value) as JSON. */
    public static String encode(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** Decodes JSON into an event type, failing with a message that says what was wrong. */
    public static <T> T decode(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new EventDecodingException("empty payload where a " + type.getSimpleName() + " was expected", null);
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value instanceof ReportEvent event && !ReportIds.isValid(event.reportId())) {
                throw new EventDecodingException(type.getSimpleName() + " without a valid reportId", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Thrown when a payload is not a valid event; the record belongs on the dead-letter topic. */
    public static final class EventDecodingException extends RuntimeException {
        public EventDecodingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
