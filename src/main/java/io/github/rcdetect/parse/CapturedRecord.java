package io.github.rcdetect.parse;

import io.github.rcdetect.event.ErrorType;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * The wanted fields of one record as the JSON held them: String, Long, BigDecimal (a fraction), Boolean, an Object[] of those for an
 * array, or a {@link Shape} marker for a value no conversion can use. The typed getters turn them into model values
 * and reject impossible types with {@link InvalidRecordException}.
 */
final class CapturedRecord {
    /** Values a wanted field had that cannot be converted to anything. */
    enum Shape {
        OBJECT("an object"),
        NESTED_ARRAY("an array holding objects or arrays"),
        CONFLICT("two different values (nested and dotted keys disagree)");

        final String description;

        Shape(String description) {
            this.description = description;
        }
    }

    /**
     * Stands for a scalar the reader left unread ({@link FieldPath.Reading#LAZILY}); an unread array is an {@code Object[]}
     * of as many of these as it had scalars. The getters treat it as any valid scalar, so every type check holds.
     */
    static final String UNREAD = new String("<unread>");

    /** Stands for a JSON integer the reader left unread: it fits a long, so it passes the integer check. */
    static final Long UNREAD_INTEGER = Long.valueOf(0);

    private final FieldPath[] fields;
    private final Object[] values;
    /** Byte range of this record inside the document it came from. */
    final int start;

    final int end;
    /** Index inside an Event Hub {@code records} batch, or null for a bare record. */
    final Integer batchIndex;
    /** Set when a batch element is not an object at all. */
    final String notAnObject;
    /**
     * False when a field left unread occurred twice (nested and dotted keys), so whether its two values agree, and the
     * record is valid, is unknown until it is read in full.
     */
    final boolean complete;

    CapturedRecord(
            FieldPath[] fields,
            Object[] values,
            int start,
            int end,
            Integer batchIndex,
            String notAnObject,
            boolean complete) {
        this.fields = fields;
        this.values = values;
        this.start = start;
        this.end = end;
        this.batchIndex = batchIndex;
        this.notAnObject = notAnObject;
        this.complete = complete;
    }

    /** Stores a value read from the document; a second, different value for the same field is a conflict. */
    static void capture(Object[] values, int field, Object value) {
        if (value == null) {
            return;
        }
        Object previous = values[field];
        if (previous == null || Objects.deepEquals(previous, value)) {
            values[field] = value;
        } else {
            values[field] = Shape.CONFLICT;
        }
    }

    boolean has(FieldPath field) {
        return values[field.ordinal()] != null;
    }

    Object raw(FieldPath field) {
        return values[field.ordinal()];
    }

    /** A single text value; numbers and booleans read as their JSON text, a one-element array as its element. */
    String string(FieldPath field) throws InvalidRecordException {
        Object value = single(field);
        return value == null ? null : scalarText(field, value);
    }

    /** All values of a field that may be a scalar or an array. */
    String[] strings(FieldPath field) throws InvalidRecordException {
        Object value = values[field.ordinal()];
        if (value == null) {
            return null;
        }
        if (value instanceof Object[]) {
            Object[] elements = (Object[]) value;
            String[] texts = new String[elements.length];
            for (int i = 0; i < elements.length; i++) {
                texts[i] = scalarText(field, elements[i]);
            }
            return texts;
        }
        return new String[] {scalarText(field, value)};
    }

    /** A whole number, from a JSON integer or a string holding one. */
    Long integer(FieldPath field) throws InvalidRecordException {
        Object value = single(field);
        if (value == null || value instanceof Long) {
            return (Long) value;
        }
        if (value instanceof String) {
            try {
                return Long.valueOf(((String) value).trim());
            } catch (NumberFormatException e) {
                throw invalid(field, "expected an integer, found the string \"" + Texts.clip((String) value) + "\"");
            }
        }
        throw invalid(field, "expected an integer, found " + describe(value));
    }

    /** A value that must not be an array of several values (ECS keyword fields used as scalars). */
    Object single(FieldPath field) throws InvalidRecordException {
        Object value = values[field.ordinal()];
        if (value instanceof Shape) {
            throw invalid(field, "expected a value, found " + ((Shape) value).description);
        }
        if (value instanceof Object[]) {
            Object[] elements = (Object[]) value;
            if (elements.length == 0) {
                return null;
            }
            if (elements.length > 1) {
                throw invalid(field, "expected one value, found an array of " + elements.length);
            }
            return elements[0];
        }
        return value;
    }

    private String scalarText(FieldPath field, Object value) throws InvalidRecordException {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Long || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof BigDecimal) {
            return Texts.number((BigDecimal) value);
        }
        if (value instanceof Shape) {
            throw invalid(field, "expected a value, found " + ((Shape) value).description);
        }
        throw invalid(field, "expected a value, found " + describe(value));
    }

    static InvalidRecordException invalid(FieldPath field, String message) {
        return new InvalidRecordException(ErrorType.INVALID_FIELD, field.path() + ": " + message);
    }

    static String describe(Object value) {
        if (value instanceof Shape) {
            return ((Shape) value).description;
        }
        if (value instanceof Object[]) {
            return "an array " + Texts.clip(Arrays.deepToString((Object[]) value));
        }
        if (value instanceof String) {
            return "the string \"" + Texts.clip((String) value) + "\"";
        }
        if (value instanceof BigDecimal) {
            return "the number " + Texts.number((BigDecimal) value);
        }
        if (value instanceof Long) {
            return "the number " + value;
        }
        return String.valueOf(value);
    }

    FieldPath[] fields() {
        return fields;
    }
}
