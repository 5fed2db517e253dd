package org.privacykit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.test.PrivacyAssertions.assertKAnonymous;
import static org.privacykit.test.PrivacyAssertions.assertLintClean;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.audit.AuditSink;
import org.privacykit.dataset.AnonymizedDataset;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.Mondrian;
import org.privacykit.detect.PiiDetector;
import org.privacykit.jackson.PrivacyModule;
import org.privacykit.mask.Masked;
import org.privacykit.rights.SubjectRights;
import org.privacykit.test.PrivacyAssertions;
import org.privacykit.test.PrivacyFixtures;
import org.privacykit.test.PrivacyLogGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The shop's privacy tests, written with the privacy-test kit as its README shows. */
class CustomerPrivacyTest {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerPrivacyTest.class);

    @RegisterExtension
    final PrivacyLogGuard logs = PrivacyLogGuard.create();

    @Test
    void domain_isLintClean() {
        assertLintClean(Customer.class, Order.class, Address.class, SupportTicket.class);
    }

    @Test
    void apiResponse_holdsNoPersonalData() throws Exception {
        ObjectMapper api = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).addModule(PrivacyModule.masking()).build();
        Customer ada = SampleData.ada();
        // the API shows INTERNAL fields (the postcode) in clear by design; nothing above may appear
        PrivacyAssertions.assertThat(api.writeValueAsString(ada)).allowingUpTo(Sensitivity.INTERNAL)
                .containsNoPersonalDataOf(ada).containsNoPii();
    }

    @Test
    void maskedLogLines_holdNoPersonalData() {
        Customer ada = SampleData.ada();
        logs.watch(ada, SampleData.adasTicket());
        LOG.info("customer {} opened {}", Masked.of(ada), SampleData.adasTicket());
        PrivacyAssertions.assertThat(Masked.toString(ada)).containsNoPersonalDataOf(ada);
    }

    @Test
    void anonymizedFixture_isReproducibleAndSafe() {
        Customer fixture = PrivacyFixtures.anonymizer().anonymize(SampleData.ada());
        assertThat(fixture).isEqualTo(PrivacyFixtures.anonymizer().anonymize(SampleData.ada()));
        assertThat(fixture.plan()).isEqualTo("gold");
        PrivacyAssertions.assertThat(fixture.toString()).containsNoPersonalDataOf(SampleData.ada());
    }

    @Test
    void ticketText_maskedByTheDetector_holdsNoPii() {
        String masked = PiiDetector.defaults().mask(SampleData.adasTicket().message());
        PrivacyAssertions.assertThat(masked).containsNoPii().containsNoPersonalDataOf(SampleData.ada());
    }

    @Test
    void analyticsExport_isThreeAnonymousAfterMondrian() {
        Dataset export = Dataset.builder(AnonymizationDemo.patients()).quasiIdentifiers("age", "postcode", "sex")
                .sensitiveAttribute("diagnosis").build();
        AnonymizedDataset release = Mondrian.builder().k(3).build().anonymize(export);
        assertKAnonymous(release.rows(), 3, "age", "postcode", "sex");
    }

    @Test
    void accessExport_ofAda_holdsNothingOfAlan() {
        SubjectRights rights = SubjectRights.builder(PrivacyFixtures.anonymizer()).auditSink(AuditSink.noop()).build();
        String json = rights.export("c-1001", List.of(SampleData.ada(), SampleData.alan())).toJson();
        PrivacyAssertions.assertThat(json).containsNoPersonalDataOf(SampleData.alan());
        assertThat(json).contains("Ada Lovelace");
    }
}
