package org.privacykit.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;

/**
 * One masker configuration, built both as a {@link JsonMasker} and as the
 * {@link JacksonReferenceMasker} that the differential tests compare it with.
 */
final class MaskerSpec {
    final String name;
    final Map<String, Masker> keys = new LinkedHashMap<>();
    final List<String> allowKeys = new ArrayList<>();
    final List<String> maskPaths = new ArrayList<>();
    final List<Masker> pathMaskers = new ArrayList<>();
    final List<String> allowPaths = new ArrayList<>();
    boolean allowMode;
    Masker allowListMask = Maskers.full();
    boolean keepValueTypes;
    boolean caseSensitive;
    int maxDepth = 1000;
    int maxKey = 50_000;
    int maxNumber = 1000;
    int maxMaskerInput = 64 * 1024;

    MaskerSpec(String name) {
        this.name = name;
    }

    MaskerSpec maskKeys(String... names) {
        for (String key : names) {
            keys.put(key, Maskers.full());
        }
        return this;
    }

    MaskerSpec maskKey(String key, Masker masker) {
        keys.put(key, masker);
        return this;
    }

    MaskerSpec maskPath(String path) {
        return maskPath(path, Maskers.full());
    }

    MaskerSpec maskPath(String path, Masker masker) {
        maskPaths.add(path);
        pathMaskers.add(masker);
        return this;
    }

    MaskerSpec allowKeys(String... names) {
        allowMode = true;
        allowKeys.addAll(List.of(names));
        return this;
    }

    MaskerSpec allowPaths(String... paths) {
        allowMode = true;
        allowPaths.addAll(List.of(paths));
        return this;
    }

    MaskerSpec allowListMask(Masker masker) {
        allowListMask = masker;
        return this;
    }

    MaskerSpec keepValueTypes() {
        keepValueTypes = true;
        return this;
    }

    MaskerSpec caseSensitive() {
        caseSensitive = true;
        return this;
    }

    MaskerSpec limits(int depth, int key, int number, int maskerInput) {
        maxDepth = depth;
        maxKey = key;
        maxNumber = number;
        maxMaskerInput = maskerInput;
        return this;
    }

    JsonMasker build() {
        JsonMasker.Builder b = JsonMasker.builder();
        keys.forEach(b::maskKey);
        if (allowMode) {
            b.allowKeys(allowKeys.toArray(new String[0]));
            b.allowPaths(allowPaths.toArray(new String[0]));
        }
        for (int i = 0; i < maskPaths.size(); i++) {
            b.maskPath(maskPaths.get(i), pathMaskers.get(i));
        }
        return b.allowListMask(allowListMask).keepValueTypes(keepValueTypes).caseSensitiveKeys(caseSensitive)
                .maxNestingDepth(maxDepth).maxKeyLength(maxKey).maxNumberLength(maxNumber)
                .maxMaskerInputLength(maxMaskerInput).build();
    }

    JacksonReferenceMasker reference() {
        return new JacksonReferenceMasker(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
