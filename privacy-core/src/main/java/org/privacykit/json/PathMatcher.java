package org.privacykit.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.privacykit.mask.Masker;
import org.jspecify.annotations.Nullable;

/**
 * The JSON paths of a {@link JsonMasker}, compiled into the states of an automaton that the scanner
 * walks while the document streams by. A {@link State} is a path waiting for one of its segments
 * among the children of the current container; each open container holds the states that apply
 * to its children. A child segment's state moves on when its selector matches a child; a
 * descendant segment's state also stays with every child container, so it matches at any depth.
 * When a path's last segment matches, the child is selected: by a mask path (the path added first
 * wins when several select it) or an allow path.
 *
 * <p>Immutable and thread-safe; the scanner passes its own {@link Step} to receive each result.
 */
final class PathMatcher {
    private static final State[] NONE = new State[0];

    /** A path waiting for its segment among the children of a container. */
    static final class State {
        final int path;
        final boolean descendant;
        final JsonPath.Selector[] selectors;
        /** The state for the next segment, or {@code null} when this is the last. */
        final @Nullable State next;
        /** The mask of a mask path; {@code null} for an allow path. */
        final @Nullable Masker masker;

        State(int path, JsonPath.Segment segment, @Nullable State next, @Nullable Masker masker, boolean caseSensitive) {
            this.path = path;
            this.descendant = segment.descendant();
            this.selectors = segment.selectors().stream()
                    .map(s -> s instanceof JsonPath.Name name && !caseSensitive
                            ? new JsonPath.Name(name.name().toLowerCase(Locale.ROOT)) : s)
                    .toArray(JsonPath.Selector[]::new);
            this.next = next;
            this.masker = masker;
        }

        boolean matchesName(String name) {
            for (JsonPath.Selector selector : selectors) {
                if (selector instanceof JsonPath.Wildcard
                        || (selector instanceof JsonPath.Name n && n.name().equals(name))) {
                    return true;
                }
            }
            return false;
        }

        boolean matchesIndex(int index) {
            for (JsonPath.Selector selector : selectors) {
                if (selector instanceof JsonPath.Wildcard
                        || (selector instanceof JsonPath.Index i && i.index() == index)
                        || (selector instanceof JsonPath.Slice s && s.selects(index))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The result of one step, owned by one scanner and overwritten by each call. */
    static final class Step {
        /** The states for the children of the child, or {@code null} when none. */
        State @Nullable [] next;
        /** The mask of the first mask path that selects the child, or {@code null}. */
        @Nullable Masker masker;
        /** Whether an allow path selects the child. */
        boolean allowed;
        private int maskerPath;
        private final List<State> buffer = new ArrayList<>(4);
    }

    private final State[] initial;
    private final @Nullable Masker rootMasker;
    private final boolean rootAllowed;
    private final boolean caseSensitive;

    /**
     * Compiles paths.
     *
     * @param maskPaths the mask paths in the order they were added
     * @param maskers the mask of each mask path
     * @param allowPaths the allow paths
     * @param caseSensitive whether names match only in the same case
     */
    PathMatcher(List<JsonPath> maskPaths, List<Masker> maskers, List<JsonPath> allowPaths, boolean caseSensitive) {
        this.caseSensitive = caseSensitive;
        List<State> states = new ArrayList<>();
        @Nullable Masker root = null;
        boolean allowed = false;
        for (int p = 0; p < maskPaths.size() + allowPaths.size(); p++) {
            boolean mask = p < maskPaths.size();
            JsonPath path = mask ? maskPaths.get(p) : allowPaths.get(p - maskPaths.size());
            @Nullable Masker masker = mask ? maskers.get(p) : null;
            List<JsonPath.Segment> segments = path.segments();
            if (segments.isEmpty()) {
                if (mask && root == null) {
                    root = masker;
                }
                allowed |= !mask;
                continue;
            }
            @Nullable State next = null;
            for (int s = segments.size() - 1; s >= 0; s--) {
                next = new State(p, segments.get(s), next, masker, caseSensitive);
            }
            states.add(next);
        }
        this.initial = states.toArray(NONE);
        this.rootMasker = root;
        this.rootAllowed = allowed;
    }

    /** The states that apply to the children of the root value. */
    State @Nullable [] initial() {
        return initial.length == 0 ? null : initial;
    }

    /** The mask of a path that selects the root ({@code $}), or {@code null}. */
    @Nullable Masker rootMasker() {
        return rootMasker;
    }

    /** Whether an allow path selects the root ({@code $}). */
    boolean rootAllowed() {
        return rootAllowed;
    }

    /** Normalizes a key as the names in the paths were: lower case unless names match by case. */
    String normalize(String key) {
        return caseSensitive ? key : key.toLowerCase(Locale.ROOT);
    }

    /** Steps from {@code states} to the object member named {@code name} (already {@link #normalize normalized}). */
    static void byName(State[] states, String name, Step out) {
        begin(out);
        for (State state : states) {
            if (state.matchesName(name)) {
                reached(state, out);
            }
            if (state.descendant) {
                add(out, state);
            }
        }
        end(out);
    }

    /** Steps from {@code states} to the array element at {@code index}. */
    static void byIndex(State[] states, int index, Step out) {
        begin(out);
        for (State state : states) {
            if (state.matchesIndex(index)) {
                reached(state, out);
            }
            if (state.descendant) {
                add(out, state);
            }
        }
        end(out);
    }

    private static void begin(Step out) {
        out.buffer.clear();
        out.masker = null;
        out.maskerPath = Integer.MAX_VALUE;
        out.allowed = false;
    }

    private static void reached(State state, Step out) {
        if (state.next != null) {
            add(out, state.next);
        } else if (state.masker == null) {
            out.allowed = true;
        } else if (state.path < out.maskerPath) {
            out.masker = state.masker;
            out.maskerPath = state.path;
        }
    }

    private static void add(Step out, State state) {
        for (State s : out.buffer) {
            if (s == state) {
                return;
            }
        }
        out.buffer.add(state);
    }

    private static void end(Step out) {
        out.next = out.buffer.isEmpty() ? null : out.buffer.toArray(NONE);
    }
}
