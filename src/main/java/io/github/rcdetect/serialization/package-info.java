/**
 * How the model's hot types cross the network between Flink tasks: serializers written by hand, used where many
 * objects of a type pass from one task to another and no state holds them. Flink's POJO serializer sets and reads
 * every field through reflection, which code compiled by C1 alone (a bounded run's JIT, docs/performance.md) pays for
 * with two native calls per field; its String serializer makes two interface calls per character. Here each field is
 * written in a fixed order, and strings of up to {@value Wire#MAX_COMPACT_CHARS} characters in one pass of Java's
 * modified UTF-8, which keeps every UTF-16 unit, lone surrogates included.
 *
 * <p>Keyed and operator state keeps Flink's POJO serializers, so savepoints stay restorable: the wire format here is
 * never written to a savepoint and may change with any release.
 */
package io.github.rcdetect.serialization;
