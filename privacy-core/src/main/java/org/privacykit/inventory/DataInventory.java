package org.privacykit.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PersonalField;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * The inventory of the personal data a code base holds, read from its annotations: one
 * {@link InventoryEntry} per protected field path, with type, category, sensitivity, purposes,
 * legal basis, retention and safeguards. The record of processing (GDPR Art. 30) starts here.
 * Output as JSON, Markdown, or one self-contained HTML page.
 *
 * <pre>{@code
 * DataInventory.scan(Customer.class).toMarkdown();
 * DataInventory.scanPackage("com.example.domain").toHtml();
 * }</pre>
 */
public final class DataInventory {
    private final List<Class<?>> roots;
    private final List<InventoryEntry> entries;
    private final List<String> unloadable;

    private DataInventory(List<Class<?>> roots, List<InventoryEntry> entries, List<String> unloadable) {
        this.roots = List.copyOf(roots);
        this.entries = List.copyOf(entries);
        this.unloadable = List.copyOf(unloadable);
    }

    /**
     * Builds the inventory of classes: every protected field reachable from each, with its path.
     *
     * @param types the classes
     * @return the inventory
     * @throws org.privacykit.metadata.PrivacyDeclarationException when a class's annotations are invalid
     */
    public static DataInventory scan(Class<?>... types) {
        return of(Arrays.asList(types), List.of());
    }

    /**
     * Builds the inventory of a package and its subpackages, from the thread's context class loader.
     * Classes reachable from another class of the package are listed under that class's paths only,
     * so each field appears once, under the aggregate that holds it.
     *
     * @param packageName the package, such as {@code "com.example.domain"}
     * @return the inventory
     */
    public static DataInventory scanPackage(String packageName) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return scanPackage(packageName, loader != null ? loader : DataInventory.class.getClassLoader());
    }

    /**
     * Builds the inventory of a package and its subpackages, from a class loader.
     *
     * @param packageName the package
     * @param loader the class loader to list and load classes from
     * @return the inventory
     */
    public static DataInventory scanPackage(String packageName, ClassLoader loader) {
        return scanPackages(List.of(packageName), loader);
    }

    /**
     * Builds one inventory of several packages and their subpackages, from a class loader: a class
     * reachable from a class of another of the packages is listed once, under that class's paths.
     *
     * @param packageNames the packages
     * @param loader the class loader to list and load classes from
     * @return the inventory
     */
    public static DataInventory scanPackages(Collection<String> packageNames, ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        Set<Class<?>> classes = new LinkedHashSet<>();
        Set<String> unloadable = new LinkedHashSet<>();
        for (String packageName : Objects.requireNonNull(packageNames, "packageNames")) {
            ClassScanner.Result found = ClassScanner.scan(packageName, loader);
            classes.addAll(found.classes);
            unloadable.addAll(found.unloadable);
        }
        return of(aggregateRoots(new ArrayList<>(classes)), new ArrayList<>(unloadable));
    }

    static List<Class<?>> aggregateRoots(List<Class<?>> classes) {
        List<Class<?>> withData = new ArrayList<>();
        for (Class<?> type : classes) {
            if (PrivacyMetadata.isNavigable(type) && PrivacyMetadata.of(type).hasProtectedData()) {
                withData.add(type);
            }
        }
        Set<Class<?>> reached = new HashSet<>();
        for (Class<?> type : withData) {
            for (PersonalField field : PrivacyMetadata.of(type).protectedFields()) {
                List<PropertyMetadata> chain = field.chain();
                for (int i = 1; i < chain.size(); i++) {
                    if (chain.get(i).owner() != type) {
                        reached.add(chain.get(i).owner());
                    }
                }
            }
        }
        List<Class<?>> roots = new ArrayList<>();
        for (Class<?> type : withData) {
            if (!reached.contains(type)) {
                roots.add(type);
            }
        }
        return roots;
    }

    private static DataInventory of(List<Class<?>> types, List<String> unloadable) {
        List<Class<?>> roots = new ArrayList<>();
        List<InventoryEntry> entries = new ArrayList<>();
        for (Class<?> type : types) {
            ClassMetadata metadata = PrivacyMetadata.of(Objects.requireNonNull(type, "type"));
            List<PersonalField> fields = metadata.protectedFields();
            if (!fields.isEmpty()) {
                roots.add(type);
            }
            for (PersonalField field : fields) {
                entries.add(new InventoryEntry(field));
            }
        }
        return new DataInventory(roots, entries, unloadable);
    }

    /**
     * Returns every entry, class by class in declaration order.
     *
     * @return an unmodifiable list
     */
    public List<InventoryEntry> entries() {
        return entries;
    }

    /**
     * Returns the entries grouped by root class.
     *
     * @return an unmodifiable map in scan order
     */
    public Map<Class<?>, List<InventoryEntry>> byClass() {
        Map<Class<?>, List<InventoryEntry>> out = new LinkedHashMap<>();
        for (InventoryEntry entry : entries) {
            out.computeIfAbsent(entry.rootClass(), k -> new ArrayList<>()).add(entry);
        }
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Returns the classes that have protected fields.
     *
     * @return an unmodifiable list
     */
    public List<Class<?>> classes() {
        return roots;
    }

    /**
     * Returns the names of classes a package scan found but could not load (a missing dependency).
     *
     * @return an unmodifiable list, empty for class scans
     */
    public List<String> unloadableClasses() {
        return unloadable;
    }

    /**
     * Returns counts over the inventory.
     *
     * @return the summary
     */
    public InventorySummary summary() {
        int special = 0;
        int restricted = 0;
        int encrypted = 0;
        int withoutPurpose = 0;
        int withoutRetention = 0;
        for (InventoryEntry e : entries) {
            special += e.isSpecialOrCriminal() ? 1 : 0;
            restricted += e.sensitivity() == org.privacykit.annotation.Sensitivity.RESTRICTED ? 1 : 0;
            encrypted += e.encryption().isPresent() ? 1 : 0;
            if (e.type().isPresent()) {
                withoutPurpose += e.purposes().isEmpty() ? 1 : 0;
                withoutRetention += e.retention().isEmpty() ? 1 : 0;
            }
        }
        return new InventorySummary(roots.size(), entries.size(), special, restricted, encrypted, withoutPurpose,
                withoutRetention);
    }

    /**
     * Renders the inventory as JSON: {@code {"summary": {...}, "fields": [{...}]}}.
     *
     * @return the JSON document
     */
    public String toJson() {
        return InventoryFormats.json(this);
    }

    /**
     * Renders the inventory as a Markdown table per class.
     *
     * @return the Markdown text
     */
    public String toMarkdown() {
        return InventoryFormats.markdown(this);
    }

    /**
     * Renders the inventory as one self-contained HTML page, with no external assets.
     *
     * @return the HTML document
     */
    public String toHtml() {
        return InventoryFormats.html(this);
    }

    @Override
    public String toString() {
        return "DataInventory[" + summary() + "]";
    }
}
