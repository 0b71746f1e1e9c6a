package io.github.rcdetect.testing;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Builds an object of a model class with every public instance field set to a value no field has by default, each
 * string distinct; arrays hold a filled element and a null. Deterministic, so two fills compare equal.
 */
public final class ModelFiller {
    private int next = 1;

    public static <T> T filled(Class<T> type) throws Exception {
        return new ModelFiller().fill(type);
    }

    private <T> T fill(Class<T> type) throws Exception {
        T object = type.getConstructor().newInstance();
        for (Field field : type.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.set(object, value(field.getType(), field.getName()));
            }
        }
        return object;
    }

    private Object value(Class<?> type, String name) throws Exception {
        int n = next++;
        if (type == String.class) {
            return name + "-" + n + (n % 3 == 0 ? " é\ud83d\ude00" : "");
        } else if (type == long.class || type == Long.class) {
            return 1_000_000_000_000L + n;
        } else if (type == int.class || type == Integer.class) {
            return n;
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[n % constants.length];
        } else if (type.isArray()) {
            Object array = Array.newInstance(type.getComponentType(), 3);
            Array.set(array, 0, value(type.getComponentType(), name));
            Array.set(array, 2, value(type.getComponentType(), name));
            return array;
        } else if (type.getName().startsWith("io.github.rcdetect.")) {
            return fill(type);
        }
        throw new AssertionError("no value for a field of type " + type.getName() + ": " + name);
    }
}
