package io.github.rcdetect.config;

import org.apache.flink.util.TimeUtils;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;

/**
 * The kinds of option values: how each is written in the help, read from the command line and checked. A value that
 * cannot be read is an {@link IllegalArgumentException} saying what was expected.
 */
interface ValueKind<T> {
    String valueName();

    T parse(String value);

    /** The value as the help shows a default. */
    default String describe(T value) {
        return String.valueOf(value);
    }

    ValueKind<String> TEXT = text("T");

    /** A switch: given or not, no value; written without one. */
    ValueKind<Boolean> SWITCH = new ValueKind<>() {
        @Override
        public String valueName() {
            return "";
        }

        @Override
        public Boolean parse(String value) {
            return Boolean.TRUE;
        }

        @Override
        public String describe(Boolean value) {
            return value ? "on" : "off";
        }
    };

    static ValueKind<String> text(String valueName) {
        return new ValueKind<>() {
            @Override
            public String valueName() {
                return valueName;
            }

            @Override
            public String parse(String value) {
                return value;
            }
        };
    }

    static ValueKind<Path> path(String valueName) {
        return new ValueKind<>() {
            @Override
            public String valueName() {
                return valueName;
            }

            @Override
            public Path parse(String value) {
                return Paths.get(value);
            }
        };
    }

    ValueKind<Integer> POSITIVE_INTEGER = new ValueKind<>() {
        @Override
        public String valueName() {
            return "N";
        }

        @Override
        public Integer parse(String value) {
            try {
                int number = Integer.parseInt(value.trim());
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("expected a positive whole number, got '" + value + "'");
        }
    };

    ValueKind<Duration> DURATION = new ValueKind<>() {
        @Override
        public String valueName() {
            return "D";
        }

        @Override
        public Duration parse(String value) {
            try {
                Duration duration = TimeUtils.parseDuration(value);
                if (!duration.isNegative() && !duration.isZero()) {
                    return duration;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new IllegalArgumentException("expected a positive duration like 30 s or 5 min, got '" + value + "'");
        }

        @Override
        public String describe(Duration value) {
            long seconds = value.getSeconds();
            if (value.getNano() != 0 || seconds == 0) {
                return value.toMillis() + " ms";
            }
            if (seconds % 3600 == 0) {
                return seconds / 3600 + " h";
            }
            return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
        }
    };

    /** One of an enum's constants, written in lower case. */
    static <E extends Enum<E>> ValueKind<E> oneOf(Class<E> type) {
        E[] constants = type.getEnumConstants();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < constants.length; i++) {
            names.append(i == 0 ? "" : i == constants.length - 1 ? " or " : ", ")
                    .append(constants[i].name().toLowerCase(Locale.ROOT));
        }
        return new ValueKind<>() {
            @Override
            public String valueName() {
                return "S";
            }

            @Override
            public E parse(String value) {
                for (E constant : constants) {
                    if (constant.name().equalsIgnoreCase(value.trim())) {
                        return constant;
                    }
                }
                throw new IllegalArgumentException("expected " + names + ", got '" + value + "'");
            }

            @Override
            public String describe(E value) {
                return value.name().toLowerCase(Locale.ROOT);
            }
        };
    }
}
