package org.privacykit.mask;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.privacykit.internal.PropertyAccess;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.PrivacyDeclarationException;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.metadata.RedactedException;

/**
 * Renders any object for logs, {@code toString} and exception messages with its personal data
 * masked, by the same declarations and maskers as API output: PUBLIC clear, INTERNAL and
 * CONFIDENTIAL masked, RESTRICTED redacted, whatever purposes are in play. Nested objects,
 * collections, arrays, maps (and their keys, when declared personal) and {@code Optional} are
 * followed; cycles print as {@code <cycle>}.
 *
 * <pre>{@code
 * @Override public String toString() { return Masked.toString(this); }
 * log.info("created {}", Masked.of(customer));   // rendered only if the line is logged
 * }</pre>
 *
 * <p>Output: {@code Customer[id=c-1, fullName=J. D., email=j***@example.com, diagnosis=[REDACTED], plan=gold]}.
 *
 * <p>A redacted value is one {@code [REDACTED]} whatever its shape, so neither the length of a
 * {@code char[]} password nor the size of a list of secrets shows. A text in a {@code char[]} is
 * masked as the text it holds. Rendering never throws for a value: a getter that throws prints
 * {@code <unreadable>}, a {@code toString} that throws (even a {@link StackOverflowError}) prints
 * {@code <unrenderable Type>}, and graphs of any depth render without recursion. Invalid
 * declarations still throw {@link PrivacyDeclarationException}, naming the field.
 */
public final class Masked {
    private static final String UNREADABLE = "<unreadable>";

    /** The masker of each property of a class, by index; {@code null} for properties shown as they are. */
    private static final ClassValue<Masker[]> MASKERS = new ClassValue<>() {
        @Override
        protected Masker[] computeValue(Class<?> type) {
            ClassMetadata metadata = PrivacyMetadata.of(type);
            Masker[] maskers = new Masker[metadata.properties().size()];
            for (PropertyMetadata p : metadata.properties()) {
                if (p.isProtected()) {
                    maskers[PropertyAccess.index(p)] = Maskers.of(p.classification());
                } else if (p.isEncrypted()) {
                    maskers[PropertyAccess.index(p)] = Maskers.full();
                }
            }
            return maskers;
        }
    };

    /** The modes of each property of a class, by index: how its value is rendered. */
    private static final ClassValue<Mode[]> MODES = new ClassValue<>() {
        @Override
        protected Mode[] computeValue(Class<?> type) {
            ClassMetadata metadata = PrivacyMetadata.of(type);
            Masker[] maskers = MASKERS.get(type);
            Mode[] modes = new Mode[metadata.properties().size()];
            for (PropertyMetadata p : metadata.properties()) {
                PropertyMetadata keys = p.mapKey();
                Mode keyMode = keys == null ? null : Mode.of(keys, Maskers.of(keys.classification()), null);
                Masker masker = maskers[PropertyAccess.index(p)];
                modes[PropertyAccess.index(p)] = masker == null && keyMode == null ? Mode.PLAIN : Mode.of(masker == null ? null : p,
                        masker, keyMode);
            }
            return modes;
        }
    };

    /**
     * What {@code toString} writes before each property of a class, in property order: {@code name=}
     * after {@code ", "} for all but the first. Made once per class, so a rendering concatenates nothing.
     */
    private static final ClassValue<String[]> LABELS = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            List<PropertyMetadata> properties = PrivacyMetadata.of(type).properties();
            String[] labels = new String[properties.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (i == 0 ? "" : ", ") + properties.get(i).name() + "=";
            }
            return labels;
        }
    };

    /** The builder's first capacity: a ten-field record's rendering fits without growing. */
    private static final int INITIAL_CAPACITY = 256;

    private final @Nullable Object value;

    private Masked(@Nullable Object value) {
        this.value = value;
    }

    /**
     * Wraps an object so that its {@code toString} is masked, and computed only when called: the
     * form to pass to a logger.
     *
     * @param value the object, possibly {@code null}
     * @return a wrapper whose {@code toString} is {@link #toString(Object)} of the value
     */
    public static Masked of(@Nullable Object value) {
        return new Masked(value);
    }

    /**
     * Renders an object with its protected fields masked or redacted as on {@link Channel#LOG}.
     *
     * @param value the object, possibly {@code null}
     * @return the rendering; {@code "null"} for {@code null}
     * @throws PrivacyDeclarationException when the declarations of a class in the graph are invalid
     */
    public static String toString(@Nullable Object value) {
        StringBuilder out = new StringBuilder(INITIAL_CAPACITY);
        new Renderer(out).render(value, Mode.PLAIN);
        return out.toString();
    }

    /**
     * Masks one value as a property declares, for the log channel.
     *
     * @param property the property the value belongs to, or the keys of a map ({@link PropertyMetadata#mapKey()})
     * @param value the value, or an element of a container property
     * @return the masked rendering
     */
    static String value(PropertyMetadata property, @Nullable Object value) {
        Masker masker = property.isMapKey() ? Maskers.of(property.classification())
                : MASKERS.get(property.owner())[PropertyAccess.index(property)];
        StringBuilder out = new StringBuilder();
        new Renderer(out).render(value, masker == null ? Mode.PLAIN : Mode.of(property, masker, null));
        return out.toString();
    }

    @Override
    public String toString() {
        return toString(value);
    }

    /**
     * How a value is rendered: clear ({@link #PLAIN}), or as a value of a protected property with its
     * masker; and how the keys of the first map inside it are rendered ({@code null}: clear).
     */
    private record Mode(@Nullable PropertyMetadata property, @Nullable Masker masker, @Nullable Mode keys,
            Disclosure disclosure) {
        static final Mode PLAIN = new Mode(null, null, null, Disclosure.CLEAR);

        /** A mode with the log channel's disclosure of the property's classification, decided once. */
        static Mode of(@Nullable PropertyMetadata property, @Nullable Masker masker, @Nullable Mode keys) {
            Classification c = property == null ? null : property.classification();
            Disclosure disclosure = property == null ? Disclosure.CLEAR
                    : c == null ? Disclosure.MASK : Channel.LOG.disclosure(c, Set.of());
            return new Mode(property, masker, keys, disclosure);
        }

        boolean isProtected() {
            return masker != null;
        }

        /** The same mode for what lies inside a map, whose keys are rendered already. */
        Mode insideMap() {
            if (keys == null) {
                return this;
            }
            return masker == null ? PLAIN : new Mode(property, masker, null, disclosure);
        }
    }

    private static final class Renderer extends ContainerRenderer<Mode> {
        Renderer(StringBuilder out) {
            super(out);
        }

        @Override
        protected Mode keyMode(Mode mode) {
            return mode.keys != null ? mode.keys : mode.isProtected() ? Mode.PLAIN : mode;
        }

        @Override
        protected Mode valueMode(Mode mode) {
            return mode.insideMap();
        }

        @Override
        protected void item(@Nullable Object value, Mode mode) {
            Masker masker = mode.masker;
            PropertyMetadata property = mode.property;
            if (value == null) {
                out.append("null");
            } else if (masker != null && property != null) {
                protectedValue(value, mode, masker);
            } else if (isScalar(value)) {
                out.append(value);
            } else if (isContainer(value)) {
                container(value, mode);
            } else if (PrivacyMetadata.isNavigable(value.getClass())) {
                object(value);
            } else {
                appendToString(value);
            }
        }

        private void object(Object bean) {
            if (!enter(bean)) {
                return;
            }
            Class<?> type = bean.getClass();
            List<PropertyMetadata> properties = PrivacyMetadata.of(type).properties();
            Mode[] modes = MODES.get(type);
            String[] labels = LABELS.get(type);
            out.append(type.getSimpleName()).append('[');
            // Properties are written at once while each can be (a scalar, a mask, a redaction); from the
            // first that holds more (an object, a container), the rest is scheduled after it, in order.
            boolean atOnce = true;
            for (int i = 0; i < labels.length; i++) {
                PropertyMetadata p = properties.get(i);
                Object v;
                try {
                    v = PropertyAccess.read(p, bean);
                } catch (RuntimeException e) {
                    if (atOnce) {
                        out.append(labels[i]).append(UNREADABLE);
                    } else {
                        text(labels[i]);
                        text(UNREADABLE);
                    }
                    continue;
                }
                Mode mode = modes[PropertyAccess.index(p)];
                if (atOnce && writesAtOnce(v, mode)) {
                    out.append(labels[i]);
                    item(v, mode);
                } else {
                    atOnce = false;
                    text(labels[i]);
                    schedule(v, mode);
                }
            }
            if (atOnce) {
                out.append(']');
                left(bean);
            } else {
                text("]");
                leave(bean);
            }
        }

        /** Whether {@link #item} writes a value without scheduling anything: then it can be written in place. */
        private static boolean writesAtOnce(@Nullable Object v, Mode mode) {
            if (v == null) {
                return true;
            }
            if (mode.keys != null) {
                return false;
            }
            if (mode.masker == null) {
                return isScalar(v);
            }
            if (v instanceof Optional || (isContainer(v) && !isPrimitiveArray(v))) {
                return false;
            }
            return !mode.disclosure.isClear() || isScalar(v);
        }

        private static boolean isScalar(Object value) {
            return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                    || value instanceof Character || value instanceof Enum;
        }

        private void protectedValue(Object v, Mode mode, Masker masker) {
            if (v instanceof Optional<?> optional && optional.isEmpty()) {
                out.append("Optional.empty");
                return;
            }
            Disclosure disclosure = mode.disclosure;
            if (disclosure == Disclosure.REDACT) {
                out.append(Maskers.REDACTED); // once for the whole value: no length or size shows
                return;
            }
            if (v instanceof Optional<?> optional) {
                schedule(optional.get(), mode);
            } else if (isContainer(v) && !isPrimitiveArray(v)) {
                container(v, mode);
            } else if (disclosure.isClear()) {
                item(v, Mode.PLAIN);
            } else if (PrivacyMetadata.isNavigable(v.getClass())) {
                // an object under a personal-data property: its toString (perhaps generated, printing every
                // field) is no text to mask, so nothing of it shows
                out.append(Maskers.full().mask(""));
            } else {
                String text = text(v);
                out.append(text == null ? Maskers.full().mask("") : masker.mask(text));
            }
        }

        private static boolean isPrimitiveArray(Object v) {
            return v.getClass().isArray() && v.getClass().getComponentType().isPrimitive();
        }

        /**
         * The text a masker masks: the characters of a {@code char[]}, the elements of another
         * primitive array, else the value's {@code toString}; {@code null} when that throws.
         */
        private static @Nullable String text(Object v) {
            if (v instanceof char[] chars) {
                return new String(chars);
            }
            if (v.getClass().isArray()) {
                StringBuilder elements = new StringBuilder();
                new Renderer(elements).render(v, Mode.PLAIN);
                return elements.toString();
            }
            try {
                return v.toString();
            } catch (RuntimeException | StackOverflowError e) {
                return null;
            }
        }

        private void appendToString(Object value) {
            String text;
            try {
                text = value.toString();
            } catch (RuntimeException | StackOverflowError e) {
                // the message may quote the value: only the type shows
                text = "<unrenderable " + RedactedException.typeOf(e) + ">";
            }
            out.append(text);
        }
    }
}
