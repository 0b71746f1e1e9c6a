package io.github.rcdetect.event;

/** Why a record is a dead letter: the {@code error.type} of its dead-letter document. */
public enum ErrorType {
    /** Not JSON, not UTF-8, more than one document, or a record the parser itself failed on. */
    INVALID_JSON("invalid_json"),
    /** A document, or an element of an Event Hub {@code records} batch, that is not a JSON object. */
    NOT_AN_OBJECT("not_an_object"),
    /** Over a bound: record size, nesting depth or string length. */
    LIMIT_EXCEEDED("limit_exceeded"),
    /** Neither {@code @timestamp} nor {@code time}. */
    MISSING_TIMESTAMP("missing_timestamp"),
    /** A time that is no ISO-8601 text or epoch milliseconds, or is before 1970. */
    INVALID_TIMESTAMP("invalid_timestamp"),
    /** A time further ahead of the clock than the allowed skew. */
    TIMESTAMP_IN_FUTURE("timestamp_in_future"),
    /** A wanted field of an impossible type (an object where a value belongs, several values for one). */
    INVALID_FIELD("invalid_field"),
    /** A host inventory record without a resource id, or whose id names no VM, scale-set VM or scale set. */
    INVALID_INVENTORY_ENTRY("invalid_inventory_entry"),
    /** A message of the exceptions topic that is no exception item, or whose key is not its {@code item_id}. */
    INVALID_EXCEPTION_ITEM("invalid_exception_item"),
    /** A message of the value-lists topic that is neither text of one value a line nor a JSON array of strings. */
    INVALID_VALUE_LIST("invalid_value_list");

    private final String id;

    ErrorType(String id) {
        this.id = id;
    }

    /** The lower-case name in dead-letter documents. */
    public String id() {
        return id;
    }
}
