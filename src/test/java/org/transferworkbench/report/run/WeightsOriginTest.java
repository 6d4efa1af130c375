package org.transferworkbench.report.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.transferworkbench.engine.model.weights.WeightLoadReport;

/** Every form in which config.json records the starting weights reads as a source with its checksum. */
class WeightsOriginTest {

    @Test
    void eachRecordedFormGivesItsSourceAndChecksum() {
        assertThat(WeightsOrigin.of("random", Optional.empty()).sentence()).startsWith("random initialisation");
        assertThat(WeightsOrigin.of("imagenet vgg16_dl4j_inference.zip adler32=3501732770 keep-imagenet-head",
                Optional.empty())).isEqualTo(new WeightsOrigin("imagenet", "vgg16_dl4j_inference.zip", "3501732770",
                true));
        assertThat(WeightsOrigin.of("keras /w/vgg 16.h5 adler32=12", Optional.empty()).sentence())
                .isEqualTo("ImageNet weights from a keras-applications file (/w/vgg 16.h5, Adler-32 checksum 12)");
        WeightsOrigin warm = WeightsOrigin.of("warmstart run=20260101-a-vgg11-warmup model=/r/a/best-model.zip "
                + "adler32=77 layers=block1_conv1,fc1", Optional.empty());
        assertThat(warm.checksum()).isEqualTo("77");
        assertThat(warm.sentence()).contains("warm start", "/r/a/best-model.zip, trained in run "
                + "20260101-a-vgg11-warmup", "Adler-32 checksum 77");
    }

    @Test
    void anOldRunWithoutChecksumSaysNotRecordedUnlessWeightsJsonHasIt() {
        assertThat(WeightsOrigin.of("imagenet", Optional.empty()).sentence()).endsWith("checksum not recorded)");
        WeightLoadReport load = new WeightLoadReport(1, "imagenet", "99", List.of("fc1"), List.of(), List.of());
        assertThat(WeightsOrigin.of("imagenet", Optional.of(load)).checksum()).isEqualTo("99");
    }
}
