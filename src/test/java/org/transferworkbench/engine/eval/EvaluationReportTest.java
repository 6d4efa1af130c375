package org.transferworkbench.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferworkbench.engine.io.Json;

class EvaluationReportTest {

    @Test
    void figuresFollowFromTheConfusionMatrix() {
        // rows actual: a has 8 (6 right), b has 2 (1 right); c never appears
        ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b", "c"),
                new long[][] {{6, 1, 1}, {1, 1, 0}, {0, 0, 0}});
        EvaluationReport r = EvaluationReport.from("test", m, 0.5);
        assertThat(r.accuracy()).isCloseTo(0.7, within(1e-12));
        // balanced accuracy averages recall over classes present: (0.75 + 0.5) / 2
        assertThat(r.balancedAccuracy()).isCloseTo(0.625, within(1e-12));
        ClassMetrics a = r.perClass().get(0);
        assertThat(a.precision()).isCloseTo(6.0 / 7, within(1e-12));
        assertThat(a.recall()).isCloseTo(0.75, within(1e-12));
        assertThat(a.f1()).isCloseTo(2 * (6.0 / 7) * 0.75 / (6.0 / 7 + 0.75), within(1e-12));
        assertThat(r.perClass().get(2).f1()).isZero();
        assertThat(m.rowNormalised()[1]).containsExactly(0.5, 0.5, 0.0);
        assertThat(r.toText()).contains("balanced accuracy 0.6250").contains("confusion matrix");
    }

    @Test
    void reportSurvivesAJsonRoundTrip() throws Exception {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("x", "y"), new long[][] {{3, 1}, {0, 4}});
        EvaluationReport r = EvaluationReport.from("test", m, 0.25);
        EvaluationReport back = Json.mapper().readValue(Json.write(r), EvaluationReport.class);
        assertThat(back.accuracy()).isEqualTo(r.accuracy());
        assertThat(back.confusion()).isDeepEqualTo(r.confusion());
        assertThat(back.perClass()).isEqualTo(r.perClass());
    }
}
