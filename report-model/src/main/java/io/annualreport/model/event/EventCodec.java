package io.annualreport.model.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON encoding of pipeline events, shared by every producer and consumer.
 *
 * <p>
 * A {@link ReportParsedEvent} is written with each cell's source line kept once per line
 * ({@link ReportParsedEvent#withSourceLines()}) and read back, in either shape, with the source in every cell again
 * ({@link ReportParsedEvent#withSourcesInCells()}). The system property {@value #SOURCE_LINES_PROPERTY}{@code =false}
 * writes the older shape (every cell with its own source), for the before/after benchmark.
 */
public final class EventCodec {

    /** The system property that, set to {@code false}, writes parsed events with a source in every cell. */
    public static final String SOURCE_LINES_PROPERTY = "events.parsed.source-lines";

    private static final boolean SOURCE_LINES = !"false".equals(System.getProperty(SOURCE_LINES_PROPERTY));

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
            if (SOURCE_LINES && value instanceof ReportParsedEvent parsed) {
                return MAPPER.writeValueAsString(parsed.withSourceLines());
            }
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
            if (value instanceof ReportParsedEvent parsed) {
                return type.cast(parsed.withSourcesInCells());
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
