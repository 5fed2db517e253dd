package org.privacykit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class SharedFilesTest {

    @TempDir
    Path dir;

    @Test
    void require_presentFile_isReturnedFromTheFirstRootThatHoldsIt() throws IOException {
        Path second = Files.createDirectories(dir.resolve("b/data"));
        Files.writeString(second.resolve("x.csv"), "a,b\n");

        Path found = SharedFiles.require(List.of(dir.resolve("a"), dir.resolve("b")), "data/x.csv", true);

        assertThat(found).isEqualTo(second.resolve("x.csv"));
    }

    @Test
    void require_missingFileOutsideCi_skipsWithItsName() {
        assertThatThrownBy(() -> SharedFiles.require(List.of(dir), "testvectors/wycheproof/aes_gcm_test.json", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("aes_gcm_test.json").hasMessageContaining("skipping");
    }

    @Test
    void require_missingFileUnderCi_fails() {
        assertThatThrownBy(() -> SharedFiles.require(List.of(dir), "data/adult/adult.csv", true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("adult.csv").hasMessageContaining("CI=true");
    }

    @Test
    void isCi_onlyTrue() {
        assertThat(SharedFiles.isCi("true")).isTrue();
        assertThat(SharedFiles.isCi("TRUE")).isTrue();
        assertThat(SharedFiles.isCi(null)).isFalse();
        assertThat(SharedFiles.isCi("false")).isFalse();
        assertThat(SharedFiles.isCi("")).isFalse();
    }
}
