package org.privacykit.inventory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Lists the classes of a package and its subpackages from a class loader: directories and jars. */
final class ClassScanner {
    private ClassScanner() {
    }

    /** The result of a scan: the classes found, and the names that could not be loaded. */
    static final class Result {
        final List<Class<?>> classes = new ArrayList<>();
        final List<String> unloadable = new ArrayList<>();
    }

    static Result scan(String packageName, ClassLoader loader) {
        if (packageName == null || packageName.isBlank()) {
            throw new IllegalArgumentException("name a package to scan, such as \"com.example.domain\"");
        }
        String path = packageName.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("file".equals(url.getProtocol())) {
                    directory(toFile(url), packageName, names);
                } else if ("jar".equals(url.getProtocol())) {
                    URLConnection connection = url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                        jar(jar, path, names);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list package " + packageName, e);
        }
        Result result = new Result();
        for (String name : names) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (!type.isSynthetic() && !type.isAnonymousClass() && !type.isLocalClass()
                        && !type.isAnnotation()) {
                    result.classes.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                result.unloadable.add(name);
            }
        }
        return result;
    }

    private static File toFile(URL url) {
        try {
            return new File(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new File(URLDecoder.decode(url.getPath(), StandardCharsets.UTF_8));
        }
    }

    private static void directory(File dir, String packageName, Set<String> names) {
        File[] files = dir.listFiles();
        if (files == null) {
            return;
        }
        for (File file : files) {
            String name = file.getName();
            if (file.isDirectory()) {
                directory(file, packageName + "." + name, names);
            } else if (isClassFile(name)) {
                names.add(packageName + "." + name.substring(0, name.length() - ".class".length()));
            }
        }
    }

    private static void jar(JarFile jar, String path, Set<String> names) {
        String prefix = path + "/";
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            String simple = name.substring(name.lastIndexOf('/') + 1);
            if (name.startsWith(prefix) && isClassFile(simple)) {
                names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
            }
        }
    }

    private static boolean isClassFile(String fileName) {
        return fileName.endsWith(".class") && !fileName.equals("module-info.class")
                && !fileName.equals("package-info.class");
    }
}
