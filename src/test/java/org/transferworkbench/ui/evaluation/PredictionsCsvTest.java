package org.transferworkbench.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsCsvTest {

    @TempDir
    Path tmp;

    @Test
    void wrongAnswersComeMostConfidentFirstAndRightOnesLeastConfidentFirst() throws Exception {
        Path csv = tmp.resolve("test-predictions.csv");
        Files.writeString(csv, String.join("\n",
                "relative_path,actual,predicted,confidence,correct",
                "WBC/a.png,WBC,WBC,0.99,true",
                "RBC/b.png,RBC,Platelets,0.55,false",
                "RBC/c.png,RBC,RBC,0.51,true",
                "Platelets/d.png,Platelets,RBC,0.93,false",
                "RBC/e.png,RBC,RBC,0.80,true") + "\n");

        PredictionsCsv.Answers answers = PredictionsCsv.read(csv, tmp.resolve("data"));

        assertThat(answers.wrong()).extracting(p -> p.image().getFileName().toString())
                .containsExactly("d.png", "b.png");
        assertThat(answers.right()).extracting(p -> p.image().getFileName().toString())
                .containsExactly("c.png", "e.png", "a.png");
        assertThat(answers.wrong()).noneMatch(TestPrediction::correct);
        assertThat(answers.right()).allMatch(TestPrediction::correct);
        assertThat(answers.right().get(0).image()).isEqualTo(tmp.resolve("data").resolve("RBC/c.png"));
    }

    @Test
    void aRunWithoutPredictionsHasAnEmptyGallery() throws Exception {
        PredictionsCsv.Answers answers = PredictionsCsv.read(tmp.resolve("missing.csv"), tmp);
        assertThat(answers.wrong()).isEmpty();
        assertThat(answers.right()).isEmpty();
    }
}
