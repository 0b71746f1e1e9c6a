package io.github.rcdetect.reference;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

import java.util.Locale;
import java.util.Optional;

/**
 * Fixed seeds and tries by default, so CI runs the same inputs every time; a longer or a fresh search on demand:
 * {@code -Drcdetect.properties.scale=10} (or {@code RCDETECT_PROPERTIES_SCALE}) multiplies every property's tries,
 * {@code -Drcdetect.properties.seed=random} (or a number) replaces the fixed seed.
 */
public final class PropertyRunSettings implements AroundPropertyHook {
    static final String SCALE = "rcdetect.properties.scale";
    static final String SEED = "rcdetect.properties.seed";

    /** Put on a container, it applies to the container's properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        setting(SCALE).ifPresent(scale -> {
            int tries = context.attributes().tries().orElse(1000);
            context.attributes().setTries(Math.max(1, Math.round(tries * Float.parseFloat(scale))));
        });
        setting(SEED).ifPresent(seed -> context.attributes().setSeed(seed.equals("random") ? "" : seed));
        return property.execute();
    }

    static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return Optional.ofNullable(value).map(String::trim).filter(text -> !text.isEmpty());
    }
}
