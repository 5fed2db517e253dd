package org.privacykit.mask;

import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Writes values as logs show them, the one implementation of container rendering that
 * {@link Masked} and privacy-logback share: {@code [a, b]}, {@code {k=v}}, {@code Optional[x]} and
 * {@code Optional.empty}, at most {@link #MAX_ELEMENTS} elements then {@code ...}, and
 * {@code <cycle>} for a container or object met again inside itself. What is not a container is
 * the subclass's to write, in {@link #item(Object, Object)}, under a mode of its choosing (masked or
 * clear, a property's masker...).
 *
 * <p>Nothing recurses: every item, container and piece of text is a step on an explicit stack, and
 * the steps one step schedules run in the order it scheduled them, before anything scheduled
 * earlier. So a chain of any depth renders without growing the thread's stack. One renderer
 * renders one value; not thread-safe.
 *
 * @param <M> how an item is written (a subclass's mode: clear, masked by a property...)
 */
public abstract class ContainerRenderer<M extends @Nullable Object> {
    /** Elements of a container written before {@code ...}. */
    public static final int MAX_ELEMENTS = 100;

    /** Where the text goes. */
    protected final StringBuilder out;

    private final ArrayDeque<Step> steps = new ArrayDeque<>();
    private final List<Step> scheduled = new ArrayList<>();
    private final Set<Object> active = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Creates a renderer that writes to a builder.
     *
     * @param out where the text goes
     */
    protected ContainerRenderer(StringBuilder out) {
        this.out = out;
    }

    /**
     * Writes a value and everything it holds.
     *
     * @param value the value, possibly {@code null}
     * @param mode the mode of the value
     */
    public final void render(@Nullable Object value, M mode) {
        schedule(value, mode);
        drain();
    }

    /**
     * Writes one value that {@link #render} or a container reached, under a mode: append to
     * {@link #out}, or schedule what it holds with {@link #schedule}, {@link #container} and
     * {@link #text}. Containers reach this too; call {@link #container} for them to write them as
     * containers, or write them as one value.
     *
     * @param value the value, possibly {@code null}
     * @param mode its mode
     */
    protected abstract void item(@Nullable Object value, M mode);

    /**
     * The mode of a map's keys when the map is written under {@code mode}; by default the map's own.
     *
     * @param mode the map's mode
     * @return the keys' mode
     */
    protected M keyMode(M mode) {
        return mode;
    }

    /**
     * The mode of a map's values when the map is written under {@code mode}; by default the map's own.
     *
     * @param mode the map's mode
     * @return the values' mode
     */
    protected M valueMode(M mode) {
        return mode;
    }

    /**
     * Writes one entry of a map: by default its key under the keys' mode, {@code =}, and its value
     * under the values' mode. Overridden where the key decides how the value is written.
     *
     * @param key the key
     * @param value the value
     * @param keyMode the keys' mode
     * @param valueMode the values' mode
     */
    protected void entry(@Nullable Object key, @Nullable Object value, M keyMode, M valueMode) {
        schedule(key, keyMode);
        text("=");
        schedule(value, valueMode);
    }

    /**
     * Schedules a value to be written by {@link #item}, after what was scheduled before it in this step.
     *
     * @param value the value
     * @param mode its mode
     */
    protected final void schedule(@Nullable Object value, M mode) {
        scheduled.add(new Item<>(value, mode));
    }

    /**
     * Schedules a piece of text.
     *
     * @param text the text
     */
    protected final void text(String text) {
        scheduled.add(new Text(text));
    }

    /**
     * Schedules a container to be written element by element, each element under the same mode
     * (a map: keys under {@link #keyMode}, values under {@link #valueMode}); a container met again
     * inside itself is written {@code <cycle>}.
     *
     * @param container a collection, map, array or {@code Optional}
     * @param mode the mode of its elements
     */
    protected final void container(Object container, M mode) {
        if (container instanceof Optional<?> optional) {
            if (optional.isPresent()) {
                text("Optional[");
                schedule(optional.get(), mode);
                text("]");
            } else {
                text("Optional.empty");
            }
            return;
        }
        scheduled.add(new Elements<>(container, mode));
    }

    /**
     * Starts writing an object that may hold itself: returns {@code false}, and writes
     * {@code <cycle>}, when it is already being written; otherwise the caller writes it and
     * schedules {@link #leave} after its parts.
     *
     * @param object the object
     * @return whether to write it
     */
    protected final boolean enter(Object object) {
        if (active.add(object)) {
            return true;
        }
        out.append("<cycle>");
        return false;
    }

    /**
     * Schedules the end of an object {@link #enter} started, after what was scheduled before.
     *
     * @param object the object
     */
    protected final void leave(Object object) {
        scheduled.add(new Leave(object));
    }

    /**
     * Ends an object {@link #enter} started, at once: for an object whose parts were all written in
     * place, with nothing scheduled.
     *
     * @param object the object
     */
    protected final void left(Object object) {
        active.remove(object);
    }

    /**
     * Tells whether a value is a container this renderer walks: a collection, map, {@code Optional},
     * or array.
     *
     * @param value a non-null value
     * @return {@code true} for a container
     */
    protected static boolean isContainer(Object value) {
        return value instanceof Collection || value instanceof Map || value instanceof Optional
                || value.getClass().isArray();
    }

    private void drain() {
        flush();
        while (!steps.isEmpty()) {
            steps.pop().run(this);
            flush();
        }
    }

    /** Puts what the last step scheduled on the stack, first scheduled on top. */
    private void flush() {
        for (int i = scheduled.size() - 1; i >= 0; i--) {
            steps.push(scheduled.get(i));
        }
        scheduled.clear();
    }

    /** One unit of work. */
    private interface Step {
        void run(ContainerRenderer<?> renderer);
    }

    private record Text(String text) implements Step {
        @Override
        public void run(ContainerRenderer<?> renderer) {
            renderer.out.append(text);
        }
    }

    private record Leave(Object object) implements Step {
        @Override
        public void run(ContainerRenderer<?> renderer) {
            renderer.active.remove(object);
        }
    }

    private record Item<M extends @Nullable Object>(@Nullable Object value, M mode) implements Step {
        @Override
        @SuppressWarnings("unchecked")
        public void run(ContainerRenderer<?> renderer) {
            ((ContainerRenderer<M>) renderer).item(value, mode);
        }
    }

    /** A collection, map or array, written one element per run. */
    private static final class Elements<M extends @Nullable Object> implements Step {
        private final Object container;
        private final M mode;
        private @Nullable Iterator<?> iterator;
        private int index;
        private int length = -1;

        Elements(Object container, M mode) {
            this.container = container;
            this.mode = mode;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void run(ContainerRenderer<?> r) {
            ContainerRenderer<M> renderer = (ContainerRenderer<M>) r;
            boolean map = container instanceof Map;
            if (iterator == null && length < 0) {
                if (!renderer.enter(container)) {
                    return;
                }
                renderer.out.append(map ? '{' : '[');
                if (container instanceof Map<?, ?> m) {
                    iterator = m.entrySet().iterator();
                } else if (container instanceof Collection<?> c) {
                    iterator = c.iterator();
                } else {
                    length = Array.getLength(container);
                }
            }
            boolean more = iterator != null ? iterator.hasNext() : index < length;
            if (more && index >= MAX_ELEMENTS) {
                renderer.out.append(", ...");
                more = false;
            }
            if (!more) {
                renderer.out.append(map ? '}' : ']');
                renderer.active.remove(container);
                return;
            }
            if (index > 0) {
                renderer.out.append(", ");
            }
            Object element = iterator != null ? iterator.next() : Array.get(container, index);
            index++;
            if (element instanceof Map.Entry<?, ?> entry && map) {
                renderer.entry(entry.getKey(), entry.getValue(), renderer.keyMode(mode), renderer.valueMode(mode));
            } else {
                renderer.schedule(element, mode);
            }
            renderer.scheduled.add(this);
        }
    }
}
