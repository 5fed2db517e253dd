package org.privacykit.metadata;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds annotations declared directly or through meta-annotations (a user's {@code @Email}). */
final class MetaAnnotations {
    private MetaAnnotations() {
    }

    /** Every distinct instance of {@code type} on the elements, directly or through meta-annotations. */
    static <A extends Annotation> List<A> findAll(Class<A> type, AnnotatedElement... elements) {
        List<A> found = new ArrayList<>(1);
        for (AnnotatedElement element : elements) {
            if (element == null) {
                continue;
            }
            for (Annotation annotation : element.getDeclaredAnnotations()) {
                collect(annotation, type, found, new HashSet<>());
            }
        }
        return found;
    }

    private static <A extends Annotation> void collect(Annotation annotation, Class<A> type, List<A> found,
                                                       Set<Class<?>> visited) {
        Class<? extends Annotation> annotationType = annotation.annotationType();
        if (annotationType == type) {
            A typed = type.cast(annotation);
            if (!found.contains(typed)) {
                found.add(typed);
            }
            return;
        }
        String name = annotationType.getName();
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("kotlin.") || !visited.add(annotationType)) {
            return;
        }
        for (Annotation meta : annotationType.getDeclaredAnnotations()) {
            collect(meta, type, found, visited);
        }
    }
}
