package org.privacykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.io.CsvReader;
import org.privacykit.testsupport.SharedFiles;

/** The README's session on the UCI Adult data (../shared/data/adult/adult.csv, examples/adult hierarchies). */
class AdultCliTest {
    private static final String QIS = "age,workclass,education,marital-status,occupation,race,sex,native-country";

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root").isNotNull();
        return dir;
    }

    static List<String> hierarchies() {
        List<String> args = new ArrayList<>();
        for (String qi : QIS.split(",")) {
            args.add("--hierarchy");
            args.add(qi + "=" + root().resolve("examples/adult/hierarchy-" + qi + ".csv"));
        }
        return args;
    }

    @Test
    void riskOfTheAdultDataMatchesTheLibrary() {
        Path adult = SharedFiles.require("data/adult/adult.csv");
        CliRun run = CliRun.of("risk", adult.toString(), "--delimiter", ";", "--qi", QIS, "--sensitive",
                "salary-class");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("rows                        30,162")
                .contains("equivalence classes         18,109").contains("(46.49%)")
                .contains("prosecutor risk, average    0.600391");
    }

    @Test
    void globalRecodingOfTheAdultDataIsFiveAnonymousWithinItsSuppressionBudget() throws Exception {
        Path adult = SharedFiles.require("data/adult/adult.csv");
        List<String> args = new ArrayList<>(List.of("anonymize", adult.toString(), "--delimiter", ";", "--qi", QIS,
                "--k", "5", "--method", "global", "--suppression", "0.05"));
        args.addAll(hierarchies());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(30_163);
        assertThat(lines.get(0)).isEqualTo("sex;age;race;marital-status;education;native-country;workclass;occupation;"
                + "salary-class");
        String suppressed = "*;*;*;*;*;*;*;*;";
        List<String> published = lines.stream().skip(1).filter(l -> !l.startsWith(suppressed)).toList();
        assertThat(lines.size() - 1 - published.size()).isLessThanOrEqualTo((int) (0.05 * 30_162));
        Dataset release = CsvReader.builder().delimiter(';').build()
                .read(new StringReader(lines.get(0) + "\n" + String.join("\n", published)))
                .quasiIdentifiers(QIS.split(",")).build();
        assertThat(release.isKAnonymous(5)).isTrue();
        assertThat(run.err()).contains("global recoding, k = 5");
    }
}
