package io.github.rcdetect.config;

import java.util.Objects;

/**
 * One command-line option, declared once: its name, the kind of value it takes, its default, its help text and the
 * run modes it applies to. The usage text and the documentation's option tables come from these declarations.
 *
 * @param <T> the type of its value
 */
public final class Option<T> {
    /** Which runs an option applies to. */
    public enum Scope {
        FILES("Files (a bounded run in a local Flink environment)"),
        KAFKA("Kafka (streaming, exactly-once alerts)"),
        BOTH("Both");

        private final String heading;

        Scope(String heading) {
            this.heading = heading;
        }

        public String heading() {
            return heading;
        }

        boolean includes(Scope mode) {
            return this == BOTH || this == mode;
        }
    }

    private final String name;
    private final Scope scope;
    private final ValueKind<T> kind;
    private final T defaultValue;
    private final String defaultText;
    private final boolean required;
    private final boolean repeatable;
    private final String help;

    private Option(
            String name,
            Scope scope,
            ValueKind<T> kind,
            T defaultValue,
            String defaultText,
            boolean required,
            boolean repeatable,
            String help) {
        this.name = name;
        this.scope = scope;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.required = required;
        this.repeatable = repeatable;
        this.help = help;
    }

    /** An option that must be given in its mode. */
    static <T> Option<T> required(String name, Scope scope, ValueKind<T> kind, String help) {
        return new Option<>(name, scope, kind, null, null, true, false, help);
    }

    /** An option whose absence means what {@code absent} says (no default value). */
    static <T> Option<T> optional(String name, Scope scope, ValueKind<T> kind, String absent, String help) {
        return new Option<>(name, scope, kind, null, absent, false, false, help);
    }

    /** An optional option that may be given several times, each time with one value. */
    static <T> Option<T> repeatable(String name, Scope scope, ValueKind<T> kind, String absent, String help) {
        return new Option<>(name, scope, kind, null, absent, false, true, help);
    }

    /** An option with a default value, shown in the help as {@code kind}'s text for it. */
    static <T> Option<T> withDefault(String name, Scope scope, ValueKind<T> kind, T defaultValue, String help) {
        return new Option<>(
                name,
                scope,
                kind,
                Objects.requireNonNull(defaultValue),
                kind.describe(defaultValue),
                false,
                false,
                help);
    }

    /** A switch, off unless given: {@code --name} alone, without a value. */
    static Option<Boolean> switchedOn(String name, Scope scope, String help) {
        return withDefault(name, scope, ValueKind.SWITCH, Boolean.FALSE, help);
    }

    /** Whether the option takes no value. */
    public boolean isSwitch() {
        return kind == ValueKind.SWITCH;
    }

    /** How the option is written: {@code --name V}, or {@code --name} for a switch. */
    public String synopsis() {
        return isSwitch() ? flag() : flag() + " " + valueName();
    }

    /** {@code --name}. */
    public String flag() {
        return "--" + name;
    }

    public String name() {
        return name;
    }

    public Scope scope() {
        return scope;
    }

    /** How the value is written in the help: {@code PATH}, {@code D}, ... */
    public String valueName() {
        return kind.valueName();
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isRepeatable() {
        return repeatable;
    }

    /** The default as the help shows it, what absence means for an option without one, or null when required. */
    public String defaultText() {
        return defaultText;
    }

    public String help() {
        return help;
    }

    T defaultValue() {
        return defaultValue;
    }

    T parse(String value) {
        try {
            return kind.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return flag();
    }
}
