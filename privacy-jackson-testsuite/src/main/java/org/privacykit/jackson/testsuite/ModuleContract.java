package org.privacykit.jackson.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.jackson.testsuite.Json.at;

import org.junit.jupiter.api.Test;

import org.privacykit.mask.Maskers;

/** How the module is found and registered: discovery gives masking, one mode per mapper, a real version. */
public abstract class ModuleContract {

    /**
     * The Jackson line under test.
     *
     * @return the line
     */
    protected abstract JacksonLine line();

    @Test
    void discovery_findsTheMaskingModule() throws Exception {
        JacksonLine.Mapper mapper = line().discovered();

        Object json = mapper.tree(mapper.write(Fixtures.ada()));

        assertThat(at(json, "fullName")).isEqualTo("A. L.");
        assertThat(at(json, "email")).isEqualTo("a***@example.com");
        assertThat(at(json, "diagnosis")).isEqualTo(Maskers.REDACTED);
        assertThat(at(json, "birthDate")).isEqualTo("1985");
    }

    @Test
    void discoveredMaskingModule_plusEncrypting_isRefused() {
        assertThatThrownBy(() -> line().buildWithTwoModesAndWrite(TestFieldCipher.generate(), Fixtures.ada()))
                .satisfies(e -> assertThat(causes(e)).anySatisfy(c -> assertThat(c)
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("one PrivacyModule mode")));
    }

    @Test
    void version_isTheBuildsVersion() {
        assertThat(line().moduleVersion()).isEqualTo(System.getProperty("privacykit.version"))
                .matches("\\d+\\.\\d+\\.\\d+(-\\w+)?");
    }

    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.List<Throwable> out = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !out.contains(t); t = t.getCause()) {
            out.add(t);
        }
        return out;
    }
}
