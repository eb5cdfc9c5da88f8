package io.annualreport.observability;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the leading top-level scalar fields of an event payload ({@code reportId}, {@code stage}, {@code reason},
 * {@code verdict} …) with a streaming parser that stops at the first nested object or array, so a large parsed report
 * is never decoded a second time.
 */
public final class EventFields {

    private static final JsonFactory JSON = new JsonFactory();

    private EventFields() {
    }

    /** The top-level scalar fields before the first nested value; empty when the payload is not a JSON object. */
    public static Map<String, String> leadingScalars(Object payload) {
        Map<String, String> fields = new HashMap<>();
        if (!(payload instanceof String text) || text.isEmpty()) {
            return fields;
        }
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return fields;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == null || value.isStructStart()) {
                    break;
                }
                if (value != JsonToken.VALUE_NULL) {
                    fields.put(name, parser.getText());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not an event: whatever was read so far
        }
        return fields;
    }
}
