package org.privacykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * What a release to Maven Central needs is configured, so that it is there on the day of the first
 * release: the metadata Central requires on every published pom, an SBOM and an API comparison for
 * every published module, signing and the Central Portal plugin in the release profile (configured,
 * never run by the build), a BOM that lists every published module, and a checksum-verified Maven
 * Wrapper. Read from the build files themselves.
 */
class ReleaseConfigurationTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    @Test
    void parentAndBom_carryTheMetadataMavenCentralRequires() throws Exception {
        for (Path pom : List.of(ROOT.resolve("pom.xml"), ROOT.resolve("privacy-bom/pom.xml"))) {
            Document doc = read(pom);
            for (String required : List.of("name", "description", "url", "licenses/license/name",
                    "licenses/license/url", "developers/developer/name", "scm/connection",
                    "scm/developerConnection", "scm/url")) {
                assertThat(text(doc, "/project/" + required)).as(pom + ": " + required).isNotBlank();
            }
        }
    }

    @Test
    void everyPublishedModule_isInTheBom_andNothingElseIs() throws Exception {
        Document bom = read(ROOT.resolve("privacy-bom/pom.xml"));
        assertThat(new TreeSet<>(texts(bom, "/project/dependencyManagement/dependencies/dependency/artifactId")))
                .isEqualTo(publishedModules());
    }

    @Test
    void publishedModules_makeAnSbomAndCompareTheirApiWithTheLastRelease() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        String published = "/project/profiles/profile[id='published']/build/plugins/plugin";
        assertThat(text(parent, published + "[artifactId='cyclonedx-maven-plugin']/executions/execution/goals/goal"))
                .isEqualTo("makeBom");
        assertThat(text(parent, published + "[artifactId='japicmp-maven-plugin']/executions/execution/goals/goal"))
                .isEqualTo("cmp");
        assertThat(text(parent, published + "[artifactId='japicmp-maven-plugin']/configuration/oldVersion"
                + "/dependency/version")).isEqualTo("${japicmp.baseline}");
        // the published profile is what makes a module published: it must key on module-info.java
        assertThat(text(parent, "/project/profiles/profile[id='published']/activation/file/exists"))
                .isEqualTo("${basedir}/src/main/java/module-info.java");
    }

    @Test
    void releaseProfile_signsAndPublishesToCentral_withoutPublishingOnItsOwn() throws Exception {
        for (Path pom : List.of(ROOT.resolve("pom.xml"), ROOT.resolve("privacy-bom/pom.xml"))) {
            Document doc = read(pom);
            String release = "/project/profiles/profile[id='release']/build/plugins/plugin";
            assertThat(text(doc, release + "[artifactId='maven-gpg-plugin']/executions/execution/goals/goal"))
                    .as(pom + ": signing").isEqualTo("sign");
            assertThat(text(doc, release + "[artifactId='central-publishing-maven-plugin']/extensions"))
                    .as(pom + ": Central Portal plugin").isEqualTo("true");
            assertThat(text(doc, release + "[artifactId='central-publishing-maven-plugin']/configuration/autoPublish"))
                    .as(pom + ": a person publishes").isEqualTo("false");
        }
    }

    @Test
    void mavenWrapper_verifiesTheMavenItDownloads() throws IOException {
        Properties wrapper = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties"))) {
            wrapper.load(in);
        }
        assertThat(wrapper.getProperty("distributionUrl")).startsWith("https://repo.maven.apache.org/maven2/");
        assertThat(wrapper.getProperty("distributionSha256Sum", "")).matches("[0-9a-f]{64}");
    }

    @Test
    void builds_areReproducible_byAFixedOutputTimestamp() throws Exception {
        for (Path pom : List.of(ROOT.resolve("pom.xml"), ROOT.resolve("privacy-bom/pom.xml"))) {
            assertThat(text(read(pom), "/project/properties/project.build.outputTimestamp"))
                    .as(pom + ": project.build.outputTimestamp (checked by .ci/reproducible)")
                    .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        }
    }

    /** The reactor's modules that have a module-info.java: the ones the build publishes. */
    private static TreeSet<String> publishedModules() throws Exception {
        TreeSet<String> published = new TreeSet<>();
        for (String module : texts(read(ROOT.resolve("pom.xml")), "/project/modules/module")) {
            Path dir = ROOT.resolve(module);
            Path pom = dir.resolve("pom.xml");
            // a named module, or an automatic one whose dependencies cannot be modules (privacy-spark)
            if (Files.exists(dir.resolve("src/main/java/module-info.java"))
                    || Files.readString(pom).contains("<Automatic-Module-Name>")) {
                published.add(text(read(pom), "/project/artifactId"));
            }
        }
        assertThat(published).isNotEmpty();
        return published;
    }

    private static Document read(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    private static String text(Document doc, String path) throws XPathExpressionException {
        return ((String) XPATH.evaluate(path, doc, XPathConstants.STRING)).trim();
    }

    private static List<String> texts(Document doc, String path) throws XPathExpressionException {
        NodeList nodes = (NodeList) XPATH.evaluate(path, doc, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }
}
