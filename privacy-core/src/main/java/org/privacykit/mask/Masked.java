package org.privacykit.mask;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.privacykit.internal.PropertyAccess;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * Renders any object for logs, {@code toString} and exception messages with its personal data
 * masked, by the same declarations and maskers as API output: PUBLIC clear, INTERNAL and
 * CONFIDENTIAL masked, RESTRICTED redacted, whatever purposes are in play. Nested objects,
 * collections, arrays, maps and {@code Optional} are followed; cycles print as {@code <cycle>}.
 *
 * <pre>{@code
 * @Override public String toString() { return Masked.toString(this); }
 * log.info("created {}", Masked.of(customer));   // rendered only if the line is logged
 * }</pre>
 *
 * <p>Output: {@code Customer[id=c-1, fullName=J. D., email=j***@example.com, diagnosis=[REDACTED], plan=gold]}.
 */
public final class Masked {
    private static final int MAX_ELEMENTS = 100;

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

    private final Object value;

    private Masked(Object value) {
        this.value = value;
    }

    /**
     * Wraps an object so that its {@code toString} is masked, and computed only when called: the
     * form to pass to a logger.
     *
     * @param value the object, possibly {@code null}
     * @return a wrapper whose {@code toString} is {@link #toString(Object)} of the value
     */
    public static Masked of(Object value) {
        return new Masked(value);
    }

    /**
     * Renders an object with its protected fields masked or redacted as on {@link Channel#LOG}.
     *
     * @param value the object, possibly {@code null}
     * @return the rendering; {@code "null"} for {@code null}
     */
    public static String toString(Object value) {
        StringBuilder out = new StringBuilder(64);
        new Renderer(out).value(value);
        return out.toString();
    }

    /** Masks one value as a property declares, for the log channel. */
    static String value(PropertyMetadata property, Object value) {
        StringBuilder out = new StringBuilder();
        new Renderer(out).protectedValue(property, MASKERS.get(property.owner())[PropertyAccess.index(property)], value);
        return out.toString();
    }

    @Override
    public String toString() {
        return toString(value);
    }

    private static final class Renderer {
        private final StringBuilder out;
        private final Set<Object> active = Collections.newSetFromMap(new IdentityHashMap<>());

        Renderer(StringBuilder out) {
            this.out = out;
        }

        void value(Object value) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                    || value instanceof Character || value instanceof Enum) {
                out.append(value);
            } else if (value instanceof Optional) {
                Optional<?> optional = (Optional<?>) value;
                if (optional.isPresent()) {
                    out.append("Optional[");
                    value(optional.get());
                    out.append(']');
                } else {
                    out.append("Optional.empty");
                }
            } else if (value instanceof Collection || value.getClass().isArray() || value instanceof Map) {
                container(value, this::value);
            } else if (PrivacyMetadata.isNavigable(value.getClass())) {
                object(value);
            } else {
                out.append(value);
            }
        }

        private void object(Object bean) {
            if (!active.add(bean)) {
                out.append("<cycle>");
                return;
            }
            ClassMetadata metadata = PrivacyMetadata.of(bean.getClass());
            Masker[] maskers = MASKERS.get(bean.getClass());
            out.append(bean.getClass().getSimpleName()).append('[');
            boolean first = true;
            for (PropertyMetadata p : metadata.properties()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(p.name()).append('=');
                Object v;
                try {
                    v = PropertyAccess.read(p, bean);
                } catch (RuntimeException e) {
                    out.append("<unreadable>");
                    continue;
                }
                Masker masker = maskers[PropertyAccess.index(p)];
                if (masker == null) {
                    value(v);
                } else {
                    protectedValue(p, masker, v);
                }
            }
            out.append(']');
            active.remove(bean);
        }

        void protectedValue(PropertyMetadata property, Masker masker, Object v) {
            if (v == null) {
                out.append("null");
                return;
            }
            if (v instanceof Optional) {
                Optional<?> optional = (Optional<?>) v;
                if (optional.isPresent()) {
                    protectedValue(property, masker, optional.get());
                } else {
                    out.append("Optional.empty");
                }
                return;
            }
            if (v instanceof Collection || v.getClass().isArray() || v instanceof Map) {
                container(v, element -> protectedValue(property, masker, element));
                return;
            }
            Classification c = property.classification();
            Disclosure disclosure = c == null ? Disclosure.MASK : Channel.LOG.disclosure(c, Set.of());
            switch (disclosure) {
                case CLEAR:
                case REVEAL:
                    value(v);
                    break;
                case REDACT:
                    out.append(Maskers.REDACTED);
                    break;
                default:
                    out.append(masker.mask(String.valueOf(v)));
            }
        }

        private interface ElementRenderer {
            void render(Object element);
        }

        private void container(Object container, ElementRenderer renderer) {
            if (!active.add(container)) {
                out.append("<cycle>");
                return;
            }
            int count = 0;
            if (container instanceof Map) {
                out.append('{');
                for (Map.Entry<?, ?> e : ((Map<?, ?>) container).entrySet()) {
                    if (count++ > 0) {
                        out.append(", ");
                    }
                    if (count > MAX_ELEMENTS) {
                        out.append("...");
                        break;
                    }
                    value(e.getKey());
                    out.append('=');
                    renderer.render(e.getValue());
                }
                out.append('}');
            } else {
                out.append('[');
                if (container instanceof Collection) {
                    for (Object element : (Collection<?>) container) {
                        if (count++ > 0) {
                            out.append(", ");
                        }
                        if (count > MAX_ELEMENTS) {
                            out.append("...");
                            break;
                        }
                        renderer.render(element);
                    }
                } else {
                    int length = Array.getLength(container);
                    for (int i = 0; i < length; i++) {
                        if (i > 0) {
                            out.append(", ");
                        }
                        if (i >= MAX_ELEMENTS) {
                            out.append("...");
                            break;
                        }
                        renderer.render(Array.get(container, i));
                    }
                }
                out.append(']');
            }
            active.remove(container);
        }
    }
}
